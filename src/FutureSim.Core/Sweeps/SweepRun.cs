using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Sweeps;

/// <summary>One point of a sweep's grid, fully resolved: everything a machine needs to execute the run the same way as any other.</summary>
public sealed record SweepRun
{
    /// <summary>The run's folder name: the sweep name and the grid point's labels (see <see cref="SweepPlanner"/>).</summary>
    public required string RunId { get; init; }

    public required SimulationSettings Simulation { get; init; }

    /// <summary>The run's agents, seeds applied.</summary>
    public required ImmutableArray<AgentSpec> Agents { get; init; }

    /// <summary>Question files, as configured (relative to the project root when they were).</summary>
    public required ImmutableArray<string> QuestionSets { get; init; }

    /// <summary>News files, as configured (relative to the project root when they were).</summary>
    public required ImmutableArray<string> CorpusFiles { get; init; }

    public required VisibilityPolicy Visibility { get; init; }

    /// <summary>The fingerprint every machine's index of the corpus must have; null until the sweep has opened or been told it.</summary>
    public string? CorpusFingerprint { get; init; }

    /// <summary>The seed given to the run's seeded agents, or null when the grid has no seeds or the agents take none.</summary>
    public long? Seed { get; init; }

    /// <summary>How many simulated days the run has.</summary>
    public int Days => Simulation.Days().Count();
}
