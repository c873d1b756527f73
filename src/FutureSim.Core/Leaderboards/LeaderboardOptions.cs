namespace FutureSim.Core.Leaderboards;

/// <summary>Settings of <see cref="Leaderboard.Build"/>; all of them are written into every output.</summary>
public sealed record LeaderboardOptions
{
    public static LeaderboardOptions Default { get; } = new();

    /// <summary>Bootstrap resamples (B). At least 1; 1000 or more for published numbers.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The seed of the bootstrap's generator: the same seed and inputs give the same bytes.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>The coverage of the percentile intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Reliability bins (K) for both binning schemes.</summary>
    public int CalibrationBins { get; init; } = 10;

    internal void Validate()
    {
        if (Resamples < 1 || !(ConfidenceLevel > 0 && ConfidenceLevel < 1) || CalibrationBins < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(LeaderboardOptions), this, "Resamples and CalibrationBins must be at least 1 and ConfidenceLevel in (0, 1).");
        }
    }
}
