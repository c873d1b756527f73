namespace FutureSim.Core.Articles;

/// <summary>How a corpus ranks the visible articles for a query. Every mode goes through the same time gate.</summary>
public enum SearchMode
{
    /// <summary>Point-in-time BM25 over the words of the query (k1 = 1.2, b = 0.75).</summary>
    Keyword,

    /// <summary>Cosine similarity of the query's embedding to each visible article chunk's embedding.</summary>
    Semantic,

    /// <summary>Reciprocal rank fusion of the keyword and semantic rankings: <c>Σ 1 / (k + rank)</c>, k = 60 unless configured.</summary>
    Hybrid,
}
