using System.Collections.Immutable;

namespace FutureSim.Core.Articles;

/// <summary>
/// The canonical news record every loader produces and every agent sees.
/// Only fields that are safe to show at <see cref="VisibleAt"/> are carried: loaders drop metadata
/// written later (page edit times, later link lists).
/// </summary>
public sealed record Article
{
    public required ArticleId Id { get; init; }

    /// <summary>The UTC instant from which the article is treated as available (see design §3).</summary>
    public required DateTimeOffset VisibleAt { get; init; }

    /// <summary>The calendar date the source files the article under (publication or listing date), when known.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The outlet or corpus the article comes from, e.g. "Wikipedia Current Events" or "Reuters".</summary>
    public required string Source { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public string? Url { get; init; }

    public string? Category { get; init; }

    public ImmutableArray<string> Topics { get; init; } = [];

    /// <summary>Outlets the article cites (Wikipedia items link the news stories they summarise).</summary>
    public ImmutableArray<ArticleReference> References { get; init; } = [];
}
