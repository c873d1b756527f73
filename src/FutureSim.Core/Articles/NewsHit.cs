namespace FutureSim.Core.Articles;

/// <summary>One ranked search result: the visible article and its BM25 score at the view's instant.</summary>
public sealed record NewsHit(Article Article, float Score);
