namespace FutureSim.Core.Leaderboards;

/// <summary>A point estimate with its percentile bootstrap interval (bounds null when no resample was defined).</summary>
public sealed record Estimate(double Value, double? Lower, double? Upper);
