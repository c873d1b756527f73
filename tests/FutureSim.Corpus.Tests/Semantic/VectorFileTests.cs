using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Semantic;
using Microsoft.Extensions.AI;

namespace FutureSim.Corpus.Tests.Semantic;

/// <summary>Vectors are kept beside the index by model and text, reused, and never half-written.</summary>
public sealed class VectorFileTests : TempCorporaTests
{
    private readonly string january;
    private readonly string february;

    public VectorFileTests()
    {
        january = Corpora.Write("january.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Parliament passes the budget."),
            TestCorpora.CurrentEvents("wce-2", "2025-01-02", "2025-01-02T08:00:00Z", "A storm hits the coast."));
        february = Corpora.Write("february.jsonl",
            TestCorpora.CurrentEvents("wce-3", "2025-02-01", "2025-02-01T08:00:00Z", "The budget is signed."));
    }

    private string VectorPath => Path.Combine(Corpora.IndexDirectory(), "vectors", "test_word-hash-64.fsv");

    private CorpusOpenResult Open(WordHashEmbeddingGenerator generator, params string[] files) =>
        SemanticCorpora.Open(Corpora.IndexDirectory(), files, generator);

    [Fact]
    public void VectorsAreReusedAcrossOpensAndOnlyNewChunksAreEmbedded()
    {
        var generator = new WordHashEmbeddingGenerator();
        using (var first = Open(generator, january).Corpus)
        {
            Assert.Equal(2, generator.TextsEmbedded);
        }

        var bytes = File.ReadAllBytes(VectorPath);
        using (var again = Open(generator, january).Corpus)
        {
            Assert.Equal(2, generator.TextsEmbedded);
            Assert.Equal(bytes, File.ReadAllBytes(VectorPath));
        }

        var (extended, report) = Open(generator, january, february);
        using (extended)
        {
            Assert.Equal(3, generator.TextsEmbedded);
            Assert.Equal(1, report.ChunksEmbedded);
            Assert.Equal("wce-3", extended.At(DateTimeOffset.MaxValue).Search(new NewsQuery { Text = "budget signed", MaxResults = 1, Mode = SearchMode.Semantic }).Hits[0].Article.Id.Value);
        }
    }

    [Fact]
    public async Task SeedFilesSpareTheModelAndTheSameEntriesGiveTheSameBytes()
    {
        var generator = new WordHashEmbeddingGenerator();
        Open(generator, january, february).Corpus.Dispose();
        var seed = Path.Combine(Corpora.Root, "seed.fsv");
        File.Copy(VectorPath, seed);
        Directory.Delete(Path.Combine(Corpora.IndexDirectory(), "vectors"), recursive: true);

        var fresh = new WordHashEmbeddingGenerator();
        var result = await LuceneCorpus.OpenOrBuildAsync(
            Corpora.IndexDirectory(), [january, february], VisibilityPolicy.Strict, InvalidRecordHandling.Fail,
            new SearchSettings { Embeddings = SemanticCorpora.Model(fresh, seed) }, null, null, CancellationToken.None);
        result.Corpus.Dispose();

        Assert.Equal(0, fresh.TextsEmbedded);
        Assert.False(File.Exists(VectorPath));
        var file = VectorFile.Read(seed);
        var rewritten = Path.Combine(Corpora.Root, "rewritten.fsv");
        VectorFile.Write(rewritten, file.ModelId, file.Dimensions, file.Entries());
        Assert.Equal(File.ReadAllBytes(seed), File.ReadAllBytes(rewritten));
    }

    [Fact]
    public void AFailingModelIsNamedAndLeavesNoVectorFile()
    {
        var generator = new WordHashEmbeddingGenerator { Answer = _ => throw new HttpRequestException("503 Service Unavailable") };

        var error = Assert.Throws<EmbeddingFailedException>(() => Open(generator, january));

        Assert.Contains("the test generator", error.Message);
        Assert.Contains("503", error.Message);
        Assert.False(File.Exists(VectorPath));
    }

    [Fact]
    public void AModelAnsweringWithAnotherDimensionIsRefusedAndTheKnownVectorsStay()
    {
        Open(new WordHashEmbeddingGenerator(), january).Corpus.Dispose();
        var bytes = File.ReadAllBytes(VectorPath);
        var wrong = new WordHashEmbeddingGenerator
        {
            Answer = texts => new GeneratedEmbeddings<Embedding<float>>(texts.Select(_ => new Embedding<float>(new float[32]))),
        };

        var error = Assert.Throws<EmbeddingFailedException>(() => Open(wrong, january, february));

        Assert.Contains("32 dimensions where 64 were expected", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(VectorPath));
    }

    [Fact]
    public void AQueryInAModeTheCorpusCannotServeFallsBackToKeywordWithANotice()
    {
        using var corpus = LuceneCorpus.OpenOrBuild(Corpora.IndexDirectory(), [january], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None).Corpus;

        var result = corpus.At(DateTimeOffset.MaxValue).Search(new NewsQuery { Text = "budget", Mode = SearchMode.Semantic });

        Assert.Equal("wce-1", Assert.Single(result.Hits).Article.Id.Value);
        Assert.Contains(result.Notices, n => n.Contains("needs an embedding model", StringComparison.Ordinal));
    }
}
