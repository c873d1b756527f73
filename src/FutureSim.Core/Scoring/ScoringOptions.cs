namespace FutureSim.Core.Scoring;

/// <summary>Settings of <see cref="RunScorer"/>; every value is echoed into leaderboard outputs.</summary>
public sealed record ScoringOptions
{
    public static ScoringOptions Default { get; } = new();

    /// <summary>The ε of the log score: probabilities are clipped to [ε, 1 − ε]. Must be in (0, 0.5).</summary>
    public double LogClamp { get; init; } = ForecastScores.DefaultLogClamp;
}
