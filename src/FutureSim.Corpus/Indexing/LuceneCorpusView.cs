using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The corpus at one instant. The gate lives here and nowhere else: the arrival window of a search is
/// computed once from <see cref="AsOf"/> and the requested dates; keyword search passes Lucene only the
/// documents inside it as accept-docs and ranks with point-in-time statistics (<see cref="PointInTimeSearch"/>),
/// semantic search scores only the vectors inside it (<see cref="Semantic.DenseIndex"/>), and hybrid search
/// fuses those two rankings, so scoring, top-k and every fetch see visible articles only. Query text is
/// analysed into terms (searched as an OR of them) or embedded; no query syntax is ever parsed. Thread-safe.
/// </summary>
internal sealed class LuceneCorpusView : ICorpusView
{
    /// <summary>Distinct query words beyond this many are ignored (and the caller is told).</summary>
    public const int MaxQueryTerms = 64;

    /// <summary>The most hits one search returns.</summary>
    public const int MaxResultsLimit = 1000;

    private readonly IndexSnapshot snapshot;
    private readonly SearchSignals signals;
    private readonly PointInTimeSearch search;
    private readonly long asOfTicks;

    public LuceneCorpusView(IndexSnapshot snapshot, SearchSignals signals, DateTimeOffset asOf)
    {
        this.snapshot = snapshot;
        this.signals = signals;
        AsOf = asOf.ToUniversalTime();
        asOfTicks = AsOf.UtcTicks;
        search = new PointInTimeSearch(snapshot, asOfTicks, signals.Settings.ParallelFrom);
    }

    public DateTimeOffset AsOf { get; }

    public CorpusSearchResult Search(NewsQuery query)
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

        var mode = query.Mode ?? signals.Settings.DefaultMode;
        if (mode != SearchMode.Keyword && !signals.HasSemantic)
        {
            notices.Add($"{mode} search needs an embedding model (Search:Embeddings), which this corpus has not: keyword search was used.");
            mode = SearchMode.Keyword;
        }

        var text = query.Text ?? "";
        if (DateWindow.Resolve(AsOf, query.FromDate, query.ToDate, notices) is not { } window)
        {
            return Empty(notices);
        }

        List<TopHits.Hit> ranked;
        if (mode == SearchMode.Keyword)
        {
            if (QueryTerms(text, notices) is not { } terms)
            {
                return Empty(notices);
            }

            ranked = KeywordRanking(terms, window, k);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            notices.Add("The query is empty.");
            return Empty(notices);
        }
        else if (mode == SearchMode.Semantic)
        {
            ranked = SemanticRanking(text, window, k);
        }
        else
        {
            var depth = Math.Max(k, signals.Settings.FusionDepth);
            var terms = QueryTerms(text, notices: null);
            ranked = ReciprocalRankFusion.Fuse(
                [SemanticRanking(text, window, depth), terms is null ? [] : KeywordRanking(terms, window, depth)],
                k,
                signals.Settings.RrfConstant);
        }

        var hits = ImmutableArray.CreateBuilder<NewsHit>(ranked.Count);
        foreach (var hit in ranked)
        {
            var segment = snapshot.Segments[hit.Segment];
            var article = Load(segment, hit.Doc);
            var chunk = segment.ChunkOf(hit.Doc);
            var passage = chunk == 0 && segment.Chunks is null ? null : Passage(article, chunk);
            hits.Add(new NewsHit(article, hit.Score) { Passage = passage });
        }

        return new CorpusSearchResult(hits.DrainToImmutable(), notices.DrainToImmutable());
    }

    private List<TopHits.Hit> KeywordRanking(List<string> terms, (long From, long To) window, int k) =>
        ArticleTopK.Collect(k, snapshot.ChunkCount, want => search.Search(terms, window.From, window.To, want));

    private List<TopHits.Hit> SemanticRanking(string text, (long From, long To) window, int k)
    {
        var dense = signals.Dense!;
        var (vector, scale) = signals.Queries!.Embed(text, CancellationToken.None);
        var to = Math.Min(window.To, asOfTicks);
        var (from, until) = dense.Range(window.From, to);
        if (signals.Approximate is { } approximate && until - from >= approximate.TrainingCount)
        {
            var probes = signals.Settings.ApproximateProbes;
            return ArticleTopK.Collect(k, dense.Count, want => approximate.Search(vector, scale, window.From, to, want, probes));
        }

        return ArticleTopK.Collect(k, dense.Count, want => dense.Search(vector, scale, window.From, to, want));
    }

    /// <summary>The chunk's text when the article has more than one chunk.</summary>
    private static string? Passage(Article article, int chunk)
    {
        var chunks = ArticleChunks.Split(article.Body);
        return chunks.Count == 1 ? null : article.Body[chunks[Math.Min(chunk, chunks.Count - 1)]];
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
                if (ticks >= from && ticks <= asOfTicks && segment.ChunkOf(doc) == 0 && (segment.LiveDocs is null || segment.LiveDocs.Get(doc)))
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
            throw new VisibilityBreachException(
                $"the index admitted article {article.Id}, visible at {article.VisibleAt:O}, to a view as of {AsOf:O}: the index is corrupt. Rebuild it (futuresim index).");
        }

        return article;
    }

    /// <summary>The distinct analysed words of the query text, in order; null (with a notice, when notices are kept) when there are none.</summary>
    private static List<string>? QueryTerms(string text, ImmutableArray<string>.Builder? notices)
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
                notices?.Add($"The query was shortened to its first {MaxQueryTerms} distinct words.");
                break;
            }

            distinct.Add(term);
        }

        if (distinct.Count == 0)
        {
            notices?.Add("The query has no searchable words.");
            return null;
        }

        return distinct;
    }

    private static CorpusSearchResult Empty(ImmutableArray<string>.Builder notices) => new([], notices.DrainToImmutable());
}
