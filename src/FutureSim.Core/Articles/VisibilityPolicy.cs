namespace FutureSim.Core.Articles;

/// <summary>How a corpus whose items carry both a listing date and a first-seen time decides <see cref="Article.VisibleAt"/>.</summary>
public enum VisibilityPolicy
{
    /// <summary>Visible at the time the item was first seen, with the wording first seen. The default.</summary>
    Strict,

    /// <summary>Visible at the end of the listing date, with the final wording.</summary>
    Lenient,
}
