using FutureSim.Core.Articles;

namespace FutureSim.Viewer.Articles;

/// <summary>
/// A run's corpus as the researcher sees it: every article, whatever its visibility instant (the view is
/// bound to the end of time), or why it is unavailable (the corpus could not be opened, or it changed since the run).
/// </summary>
public sealed record ArticleShelf(ICorpusView? View, string? Problem)
{
    public Article? Find(ArticleId id) => View?.Find(id);
}
