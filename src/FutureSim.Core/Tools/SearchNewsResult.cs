using System.Collections.Immutable;

namespace FutureSim.Core.Tools;

/// <summary>The result of <c>search_news</c>: hits best first, notices (clamps), or an error for malformed arguments.</summary>
public sealed record SearchNewsResult(ImmutableArray<ArticleView> Hits, ImmutableArray<string> Notices, string? Error);
