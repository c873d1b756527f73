namespace FutureSim.Core.Articles;

/// <summary>
/// A query as an agent (or the offline <c>search</c> and <c>eval</c> verbs) states it. The text is data:
/// it is tokenised or embedded, never parsed as query syntax. Dates are inclusive calendar days (UTC)
/// and are clamped to the view's instant by the corpus, which reports any clamp.
/// </summary>
public sealed record NewsQuery
{
    public required string Text { get; init; }

    /// <summary>How many hits to return at most; the corpus returns this many whenever that many visible matches exist.</summary>
    public int MaxResults { get; init; } = 5;

    public DateOnly? FromDate { get; init; }

    public DateOnly? ToDate { get; init; }

    /// <summary>How to rank; null means the corpus's configured default. Agents never choose it: the harness does.</summary>
    public SearchMode? Mode { get; init; }
}
