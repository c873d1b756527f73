using System.Collections.Immutable;

namespace FutureSim.Benchmarks.Scoring;

/// <summary>
/// Seconds spent reading and scoring the run folders, building the leaderboard with its bootstrap, and exporting it
/// in every built-in format; and what the checks found.
/// </summary>
public sealed record ScoringBenchmarkReport(
    int Configurations,
    int Seeds,
    int Questions,
    int Days,
    int Forecasts,
    int Resamples,
    double ScoringSeconds,
    double LeaderboardSeconds,
    double RenderingSeconds,
    int RenderedCharacters,
    int ScoredForecasts,
    int Entries,
    int PooledSeeds)
{
    /// <summary>Runs scored: configurations × seeds.</summary>
    public int Runs => Configurations * Seeds;

    public double TotalSeconds => ScoringSeconds + LeaderboardSeconds;

    /// <summary>The checks that failed: every forecast written is scored, and the seeds of a configuration pool into one entry.</summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. ScoredForecasts != Forecasts ? [$"{ScoredForecasts} forecasts were scored; {Forecasts} were written."] : Array.Empty<string>(),
        .. Entries != Configurations || PooledSeeds != Configurations * Seeds
            ? [$"The leaderboard has {Entries} entries pooling {PooledSeeds} runs; {Configurations} entries of {Seeds} seeds were expected."]
            : Array.Empty<string>(),
    ];
}
