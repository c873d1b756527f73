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
    /// message (unknown settings included). By default every spec is accepted here and checked by <see cref="Create"/>.
    /// </summary>
    void Validate(AgentSpec spec)
    {
    }

    /// <summary>
    /// Checks a spec before any run folder exists, for the run it is about to join: its settings (<see cref="Validate(AgentSpec)"/>),
    /// and what that run needs of it — the credentials a live agent will use, the recording a replay will follow.
    /// <paramref name="environment"/> names the folder the agent will get, which does not exist yet. Throws
    /// <see cref="ArgumentException"/> with an actionable message. By default it checks the settings.
    /// </summary>
    void Validate(AgentSpec spec, AgentEnvironment environment) => Validate(spec);

    /// <summary>The setting an agent of <paramref name="kind"/> reads its random seed from, or null when the kind is deterministic (a sweep's seeds then do not multiply its runs).</summary>
    string? SeedSetting(string kind) => null;
}
