using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Sweeps;

/// <summary>The resolved configuration a sweep's grid varies: what every run gets unless a dimension says otherwise.</summary>
public sealed record SweepBase
{
    public required SimulationSettings Simulation { get; init; }

    public required ImmutableArray<string> QuestionSets { get; init; }

    public required ImmutableArray<string> CorpusFiles { get; init; }

    public required VisibilityPolicy Visibility { get; init; }

    /// <summary>The configured agents the grid's groups name.</summary>
    public required ImmutableArray<AgentSpec> Agents { get; init; }

    /// <summary>The setting an agent kind reads its seed from, or null for a deterministic kind.</summary>
    public required Func<string, string?> SeedSetting { get; init; }
}
