using FutureSim.Core.Runs;

namespace FutureSim.Core.Simulation;

/// <summary>
/// Builds agents of some kinds from their configured spec. The executable collects every factory and
/// asks the one that serves an agent's <see cref="AgentSpec.Kind"/>.
/// </summary>
public interface IAgentFactory
{
    /// <summary>The kinds this factory builds, e.g. <c>uniform</c> or <c>llm</c>.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>Builds the agent; throws <see cref="ArgumentException"/> with an actionable message for bad settings.</summary>
    IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment);

    /// <summary>
    /// Checks an agent's settings before a run starts, without building the agent, so that a bad entry is
    /// reported before any run folder is written; throws <see cref="ArgumentException"/> with an actionable
    /// message. By default every spec is accepted here and checked by <see cref="Create"/>.
    /// </summary>
    void Validate(AgentSpec spec)
    {
    }

    /// <summary>The setting an agent of <paramref name="kind"/> reads its random seed from, or null when the kind is deterministic (a sweep's seeds then do not multiply its runs).</summary>
    string? SeedSetting(string kind) => null;
}
