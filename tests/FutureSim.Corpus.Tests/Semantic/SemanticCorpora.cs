using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Semantic;

namespace FutureSim.Corpus.Tests.Semantic;

/// <summary>Opens corpora with every search mode available, embedded by a <see cref="WordHashEmbeddingGenerator"/>.</summary>
internal static class SemanticCorpora
{
    public static EmbeddingModel Model(WordHashEmbeddingGenerator generator, params string[] seeds) => new()
    {
        Id = "test:word-hash-" + generator.Dimensions,
        Generator = generator,
        Source = "the test generator",
        QueryPrefix = "query: ",
        BatchSize = 64,
        SeedFiles = seeds,
    };

    public static CorpusOpenResult Open(string index, IReadOnlyList<string> files, WordHashEmbeddingGenerator generator, SearchMode mode = SearchMode.Hybrid) =>
        LuceneCorpus.OpenOrBuildAsync(
            index, files, VisibilityPolicy.Strict, InvalidRecordHandling.Fail,
            new SearchSettings { DefaultMode = mode, Embeddings = Model(generator) },
            null, null, CancellationToken.None).GetAwaiter().GetResult();
}
