namespace FutureSim.Core.Articles;

/// <summary>
/// The corpus as it stood at one instant. Every read goes through this gate: no member ever returns
/// or counts an article with <c>VisibleAt &gt; AsOf</c>, and ranking uses statistics of the visible
/// articles only. Implementations are thread-safe; many agents may share one view.
/// </summary>
public interface ICorpusView
{
    /// <summary>The simulated instant (UTC) this view is bound to.</summary>
    DateTimeOffset AsOf { get; }

    CorpusSearchResult Search(NewsQuery query);

    /// <summary>The article, or null when it does not exist or is not yet visible (the two are indistinguishable).</summary>
    Article? Find(ArticleId id);

    /// <summary>How many articles became visible in the half-open interval (<paramref name="after"/>, AsOf].</summary>
    int CountArrivedSince(DateTimeOffset after);

    /// <summary>
    /// The articles that became visible in the half-open interval (<paramref name="after"/>, AsOf], ordered by
    /// <see cref="Article.VisibleAt"/> then id (ordinal), streamed. Used to lay out an agent's dated article tree.
    /// </summary>
    IEnumerable<Article> ArrivedSince(DateTimeOffset after);
}
