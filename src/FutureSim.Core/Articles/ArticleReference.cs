namespace FutureSim.Core.Articles;

/// <summary>An outlet an article cites or was taken from, with its link when known.</summary>
public sealed record ArticleReference(string Name, string? Url);
