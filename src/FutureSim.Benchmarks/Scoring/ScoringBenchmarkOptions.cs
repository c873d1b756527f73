namespace FutureSim.Benchmarks.Scoring;

/// <summary>The shape of the generated runs <see cref="ScoringBenchmark"/> scores: FutureSim's published scale by default.</summary>
public sealed record ScoringBenchmarkOptions
{
    /// <summary>Agent configurations (one agent each).</summary>
    public int Configurations { get; init; } = 9;

    /// <summary>Runs (seeds) per configuration; seeds differ only in their agent's <see cref="SeedSetting"/>.</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>Free-form questions per run.</summary>
    public int Questions { get; init; } = 330;

    /// <summary>Simulated days (daily snapshots) per run.</summary>
    public int Days { get; init; } = 95;

    /// <summary>Bootstrap resamples of the leaderboard.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The agent setting that tells seeds apart; a name without "seed" in it makes every run its own configuration.</summary>
    public string SeedSetting { get; init; } = "Seed";

    /// <summary>Where the run folders are written (deleted afterwards); default: the temp folder.</summary>
    public string? WorkDirectory { get; init; }
}
