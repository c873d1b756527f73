namespace FutureSim.Core.Articles;

/// <summary>
/// One ranked search result: the visible article and its score at the view's instant (BM25 for keyword
/// search, cosine similarity for semantic search, the reciprocal-rank-fusion sum for hybrid search).
/// </summary>
public sealed record NewsHit(Article Article, float Score)
{
    /// <summary>The best-matching chunk of a long article (articles are split into chunks for ranking); null when the article is one chunk.</summary>
    public string? Passage { get; init; }
}
