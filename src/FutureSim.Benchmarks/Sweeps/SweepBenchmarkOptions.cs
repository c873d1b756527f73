namespace FutureSim.Benchmarks.Sweeps;

/// <summary>
/// The sweep <see cref="SweepBenchmark"/> runs both ways: baseline runs (four baseline agents × each question set alone and all
/// together × <see cref="Windows"/> consecutive windows of <see cref="DaysPerRun"/> days from 2025-01-01: by default 24 runs
/// covering the bundled calendar), by one local <c>futuresim sweep</c> with <see cref="Workers"/> runs at once and by
/// <see cref="Workers"/> local workers of one run each.
/// </summary>
public sealed record SweepBenchmarkOptions
{
    /// <summary>The baseline agents of the grid; each window gives one run of each.</summary>
    public static IReadOnlyList<string> Agents { get; } = ["uniform", "crowd", "base-rate", "news-frequency"];

    /// <summary>The question set files (each alone, and all together when there are several).</summary>
    public required IReadOnlyList<string> QuestionSets { get; init; }

    /// <summary>Consecutive date windows, one run of each agent and question choice in each.</summary>
    public int Windows { get; init; } = 2;

    /// <summary>Simulated days of each run.</summary>
    public int DaysPerRun { get; init; } = 299;

    /// <summary>The question set choices of the grid: each file alone, then all of them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> QuestionChoices =>
        [.. QuestionSets.Select(q => (IReadOnlyList<string>)[q]), .. QuestionSets.Count > 1 ? [QuestionSets] : Array.Empty<IReadOnlyList<string>>()];

    /// <summary>Runs of the sweep.</summary>
    public int Runs => Agents.Count * QuestionChoices.Count * Windows;

    /// <summary>Local workers of the cluster (one run each), and the local sweep's runs at once.</summary>
    public int Workers { get; init; } = 3;

    /// <summary>Times each way is measured, alternating which goes first.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>PostgreSQL connection string of the cluster database.</summary>
    public required string Database { get; init; }

    /// <summary>The command starting <c>futuresim</c>: the executable and the arguments before the verb (the entry assembly under <c>dotnet</c>).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Where the indexes and run folders go (deleted afterwards when not given); default: a new temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>What is wrong with these options, or null.</summary>
    public string? Validate() =>
        Windows < 1 ? $"--windows must be at least 1: {Windows}."
        : QuestionSets.Count == 0 ? "no question sets are configured (Simulation:QuestionSets)."
        : DaysPerRun < 1 ? $"--days must be at least 1: {DaysPerRun}."
        : Workers < 1 ? $"--workers must be at least 1: {Workers}."
        : Repeats < 1 ? $"--repeats must be at least 1: {Repeats}."
        : string.IsNullOrWhiteSpace(Database) ? "the cluster database is not set: give --database or Cluster:Database (a PostgreSQL connection string)."
        : Command.Count == 0 ? "the futuresim command is empty."
        : null;
}
