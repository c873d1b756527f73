using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Tests.Semantic;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// The bundled 2025–2026 news indexed once (strict policy; keyword search by default, semantic and hybrid
/// search with a <see cref="WordHashEmbeddingGenerator"/>), with the articles kept for brute-force checks.
/// </summary>
public sealed class BundledCorpusFixture : IDisposable
{
    private readonly TestCorpora corpora = new();

    public BundledCorpusFixture()
    {
        Articles = [.. new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Fail).Read(TestCorpora.BundledNews)];
        IndexDirectory = corpora.IndexDirectory();
        var (corpus, report) = Open();
        Corpus = corpus;
        Report = report;
        First = Articles.Min(a => a.VisibleAt);
        Last = Articles.Max(a => a.VisibleAt);
    }

    public LuceneCorpus Corpus { get; }

    /// <summary>Where the index is; <see cref="Open"/> opens another snapshot of it.</summary>
    public string IndexDirectory { get; }

    internal WordHashEmbeddingGenerator Generator { get; } = new();

    public CorpusBuildReport Report { get; }

    public IReadOnlyList<Article> Articles { get; }

    public DateTimeOffset First { get; }

    public DateTimeOffset Last { get; }

    /// <summary>A new snapshot of the fixture's index, as the fixture's own was opened.</summary>
    public CorpusOpenResult Open() => SemanticCorpora.Open(IndexDirectory, [TestCorpora.BundledNews], Generator, SearchMode.Keyword);

    public void Dispose()
    {
        Corpus.Dispose();
        corpora.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BundledCorpusCollection : ICollectionFixture<BundledCorpusFixture>
{
    public const string Name = "bundled corpus";
}
