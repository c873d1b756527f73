using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;

namespace FutureSim.TestKit;

/// <summary>
/// A broken corpus for tests of the harness's own checks: its searches ignore the instant and return every matching
/// article, future ones included (<see cref="LeakMode.Return"/>), or its views detect their own breach and throw
/// (<see cref="LeakMode.Throw"/>), as a corrupt index does.
/// </summary>
public sealed class LeakingCorpus(IEnumerable<Article> articles, LeakMode mode) : ITimeGatedCorpus
{
    private readonly InMemoryCorpus all = new(articles);

    public CorpusIdentity Identity => all.Identity;

    public ICorpusView At(DateTimeOffset asOf) => new View(all.At(asOf), all.At(DateTimeOffset.MaxValue), mode);

    public void Dispose() => all.Dispose();

    private sealed class View(ICorpusView gated, ICorpusView everything, LeakMode mode) : ICorpusView
    {
        public DateTimeOffset AsOf => gated.AsOf;

        public CorpusSearchResult Search(NewsQuery query)
        {
            if (mode == LeakMode.Throw)
            {
                throw new VisibilityBreachException($"the index returned a document visible after {AsOf:O}.");
            }

            var hits = everything.Search(query);
            return hits with { Hits = [.. hits.Hits.OrderByDescending(h => h.Article.VisibleAt)] };
        }

        public Article? Find(ArticleId id) => gated.Find(id);

        public int CountArrivedSince(DateTimeOffset after) => gated.CountArrivedSince(after);

        public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => gated.ArrivedSince(after);
    }
}

/// <summary>How a <see cref="LeakingCorpus"/> breaks.</summary>
public enum LeakMode
{
    /// <summary>Searches return future articles as if they were visible.</summary>
    Return,

    /// <summary>Searches throw <see cref="VisibilityBreachException"/>, as a view that catches its own breach does.</summary>
    Throw,
}
