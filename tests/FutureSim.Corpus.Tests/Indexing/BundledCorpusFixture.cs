using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>The bundled 2025–2026 news indexed once (strict policy), with the articles kept for brute-force checks.</summary>
public sealed class BundledCorpusFixture : IDisposable
{
    private readonly TestCorpora corpora = new();

    public BundledCorpusFixture()
    {
        Articles = [.. new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Fail).Read(TestCorpora.BundledNews)];
        var (corpus, report) = LuceneCorpus.OpenOrBuild(
            corpora.IndexDirectory(), [TestCorpora.BundledNews], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None);
        Corpus = corpus;
        Report = report;
        First = Articles.Min(a => a.VisibleAt);
        Last = Articles.Max(a => a.VisibleAt);
    }

    public LuceneCorpus Corpus { get; }

    public CorpusBuildReport Report { get; }

    public IReadOnlyList<Article> Articles { get; }

    public DateTimeOffset First { get; }

    public DateTimeOffset Last { get; }

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
