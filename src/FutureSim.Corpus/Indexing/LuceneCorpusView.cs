using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The corpus at one instant. The gate lives here and nowhere else: searches pass Lucene only the
/// documents visible by <see cref="AsOf"/> (and inside the requested date window) as accept-docs, so
/// scoring, top-k and every fetch see visible articles only, and ranking uses point-in-time statistics
/// (<see cref="PointInTimeSearch"/>). Query text is analysed into terms and searched as an OR of them;
/// no query syntax is ever parsed. Thread-safe.
/// </summary>
internal sealed class LuceneCorpusView : ICorpusView
{
    /// <summary>Distinct query words beyond this many are ignored (and the caller is told).</summary>
    public const int MaxQueryTerms = 64;

    /// <summary>The most hits one search returns.</summary>
    public const int MaxResultsLimit = 1000;

    private readonly IndexSnapshot snapshot;
    private readonly PointInTimeSearch search;
    private readonly long asOfTicks;

    public LuceneCorpusView(IndexSnapshot snapshot, DateTimeOffset asOf)
    {
        this.snapshot = snapshot;
        AsOf = asOf.ToUniversalTime();
        asOfTicks = AsOf.UtcTicks;
        search = new PointInTimeSearch(snapshot, asOfTicks);
    }

    public DateTimeOffset AsOf { get; }

    public NewsSearchResult Search(NewsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var notices = ImmutableArray.CreateBuilder<string>();
        var k = query.MaxResults;
        if (k < 1)
        {
            notices.Add("max_results must be at least 1: nothing was searched.");
            return Empty(notices);
        }

        if (k > MaxResultsLimit)
        {
            notices.Add($"max_results {k} is more than {MaxResultsLimit}: returning at most {MaxResultsLimit}.");
            k = MaxResultsLimit;
        }

        if (DateWindow.Resolve(AsOf, query.FromDate, query.ToDate, notices) is not { } window
            || QueryTerms(query.Text ?? "", notices) is not { } terms)
        {
            return Empty(notices);
        }

        var hits = ImmutableArray.CreateBuilder<NewsHit>();
        foreach (var hit in search.Search(terms, window.From, window.To, k))
        {
            hits.Add(new NewsHit(Load(snapshot.Segments[hit.Segment], hit.Doc), hit.Score));
        }

        return new NewsSearchResult(hits.DrainToImmutable(), notices.DrainToImmutable());
    }

    public Article? Find(ArticleId id)
    {
        if (id.Value is null)
        {
            return null;
        }

        foreach (var (segment, doc) in snapshot.DocumentsWithIdHash(StableHash.Of(id.Value)))
        {
            if (segment.Ticks[doc] > asOfTicks)
            {
                continue;
            }

            var article = Load(segment, doc);
            if (article.Id == id)
            {
                return article;
            }
        }

        return null;
    }

    public int CountArrivedSince(DateTimeOffset after) =>
        after >= AsOf ? 0 : snapshot.CountVisible(asOfTicks) - snapshot.CountVisible(after.UtcTicks);

    public IEnumerable<Article> ArrivedSince(DateTimeOffset after)
    {
        if (after >= AsOf)
        {
            yield break;
        }

        // Live documents visible in (after, AsOf], by visibility instant; those arriving at the same instant by id.
        var from = after.UtcTicks == long.MaxValue ? long.MaxValue : after.UtcTicks + 1;
        var arrivals = new List<(long Ticks, SegmentVisibility Segment, int Doc)>();
        foreach (var segment in snapshot.Segments)
        {
            if (segment.NoneWithin(from, asOfTicks))
            {
                continue;
            }

            for (var doc = 0; doc < segment.Ticks.Length; doc++)
            {
                var ticks = segment.Ticks[doc];
                if (ticks >= from && ticks <= asOfTicks && (segment.LiveDocs is null || segment.LiveDocs.Get(doc)))
                {
                    arrivals.Add((ticks, segment, doc));
                }
            }
        }

        arrivals.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
        var group = new List<Article>();
        for (var i = 0; i < arrivals.Count; i++)
        {
            group.Add(Load(arrivals[i].Segment, arrivals[i].Doc));
            if (i + 1 == arrivals.Count || arrivals[i + 1].Ticks != arrivals[i].Ticks)
            {
                group.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
                foreach (var article in group)
                {
                    yield return article;
                }

                group.Clear();
            }
        }
    }

    private Article Load(SegmentVisibility segment, int doc)
    {
        var article = snapshot.LoadArticle(segment, doc);
        if (article.VisibleAt > AsOf)
        {
            // The gate admitted a document its own stored article says is in the future: the index is corrupt.
            throw new InvalidOperationException(
                $"Corpus invariant breached: article {article.Id} is visible at {article.VisibleAt:O} but was returned at {AsOf:O}. Rebuild the index.");
        }

        return article;
    }

    /// <summary>The distinct analysed words of the query text, in order; null (with a notice) when there are none.</summary>
    private static List<string>? QueryTerms(string text, ImmutableArray<string>.Builder notices)
    {
        var buffer = new TokenBuffer();
        NewsTokenizer.Analyze(text, buffer);
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < buffer.Count; i++)
        {
            var term = new string(buffer[i]);
            if (!seen.Add(term))
            {
                continue;
            }

            if (distinct.Count == MaxQueryTerms)
            {
                notices.Add($"The query was shortened to its first {MaxQueryTerms} distinct words.");
                break;
            }

            distinct.Add(term);
        }

        if (distinct.Count == 0)
        {
            notices.Add("The query has no searchable words.");
            return null;
        }

        return distinct;
    }

    private static NewsSearchResult Empty(ImmutableArray<string>.Builder notices) => new([], notices.DrainToImmutable());
}
