using System.Collections.Immutable;

namespace FutureSim.Core.Articles;

/// <summary>Ranked hits, best first, and notices for the caller (for example that a date range was clamped).</summary>
public sealed record CorpusSearchResult(ImmutableArray<NewsHit> Hits, ImmutableArray<string> Notices);
