using FutureSim.Core.Leaderboards;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// The paired bootstrap difference A − B of one retrieval measure between two search modes on the same topics,
/// with a two-sided p-value (see <see cref="RetrievalEvaluation"/>); <see cref="Kind"/> is <c>retrieval</c>.
/// </summary>
public sealed record RetrievalDifference(string Kind, string Metric, string A, string B, Estimate Difference, double? PValue);
