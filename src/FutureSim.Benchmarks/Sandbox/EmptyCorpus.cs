using FutureSim.Core.Articles;

namespace FutureSim.Benchmarks.Sandbox;

/// <summary>A corpus with no articles: the sandbox benchmark times the day start, not the article tree.</summary>
internal sealed class EmptyCorpus : ITimeGatedCorpus
{
    public CorpusIdentity Identity { get; } = new("empty", VisibilityPolicy.Strict, 0);

    public ICorpusView At(DateTimeOffset asOf) => new View(asOf);

    public void Dispose()
    {
    }

    private sealed class View(DateTimeOffset asOf) : ICorpusView
    {
        public DateTimeOffset AsOf => asOf;

        public CorpusSearchResult Search(NewsQuery query) => new([], []);

        public Article? Find(ArticleId id) => null;

        public int CountArrivedSince(DateTimeOffset after) => 0;

        public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => [];
    }
}
