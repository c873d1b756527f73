using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;

namespace FutureSim.TestKit;

/// <summary>
/// A small in-memory corpus for tests of code above the corpus: word-overlap ranking over the visible
/// articles, the same gate and clamps as the real corpus. Not a stand-in for Lucene in corpus tests.
/// </summary>
public sealed class InMemoryCorpus(IEnumerable<Article> articles) : ITimeGatedCorpus
{
    private readonly ImmutableArray<Article> articles = [.. articles.OrderBy(a => a.VisibleAt).ThenBy(a => a.Id.Value, StringComparer.Ordinal)];

    public CorpusIdentity Identity => new("in-memory", VisibilityPolicy.Strict, articles.Length);

    public ICorpusView At(DateTimeOffset asOf) => new View(this, asOf);

    public void Dispose()
    {
    }

    private sealed class View(InMemoryCorpus corpus, DateTimeOffset asOf) : ICorpusView
    {
        public DateTimeOffset AsOf => asOf;

        public CorpusSearchResult Search(NewsQuery query)
        {
            var notices = ImmutableArray.CreateBuilder<string>();
            var today = SimulatedTime.DayOf(asOf);
            var to = query.ToDate;
            if (to > today)
            {
                notices.Add($"to_date {to:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); clamped to today.");
                to = today;
            }

            var words = query.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var hits = corpus.articles
                .Where(a => a.VisibleAt <= asOf)
                .Where(a => query.FromDate is null || a.PublishedOn >= query.FromDate)
                .Where(a => to is null || a.PublishedOn <= to)
                .Select(a => new NewsHit(a, words.Count(w => (a.Title + " " + a.Body).Contains(w, StringComparison.OrdinalIgnoreCase))))
                .Where(h => h.Score > 0)
                .OrderByDescending(h => h.Score).ThenBy(h => h.Article.Id.Value, StringComparer.Ordinal)
                .Take(query.MaxResults)
                .ToImmutableArray();
            return new CorpusSearchResult(hits, notices.ToImmutable());
        }

        public Article? Find(ArticleId id) => corpus.articles.FirstOrDefault(a => a.Id == id && a.VisibleAt <= asOf);

        public int CountArrivedSince(DateTimeOffset after) => corpus.articles.Count(a => a.VisibleAt > after && a.VisibleAt <= asOf);

        public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => corpus.articles.Where(a => a.VisibleAt > after && a.VisibleAt <= asOf);
    }
}
