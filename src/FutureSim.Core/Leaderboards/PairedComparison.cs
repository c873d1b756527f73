namespace FutureSim.Core.Leaderboards;

/// <summary>
/// The paired bootstrap difference A − B of one metric between two entries that answered the same questions
/// (questions resampled jointly, seeds independently), with a two-sided p-value; A ranks above B.
/// </summary>
public sealed record PairedComparison(LeaderboardMetric Metric, string A, string B, Estimate Difference, double? PValue)
{
    /// <summary>The question kind of <see cref="Metric"/>.</summary>
    public string Kind => Metric.Kind;
}
