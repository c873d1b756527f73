using System.Collections.Immutable;

namespace FutureSim.Cli.Evaluation;

/// <summary>
/// What <see cref="FutureSimulation.RunAsync"/> runs: the same configuration as the <c>futuresim</c> command line
/// (<c>appsettings.json</c> of <see cref="ProjectRoot"/>, then <see cref="ConfigFiles"/>, then <c>FUTURESIM_</c>
/// environment variables, then <see cref="Settings"/>), and the options of <c>futuresim run</c>. Every value left
/// null comes from the configuration.
/// </summary>
public sealed record SimulationRequest
{
    /// <summary>The folder holding <c>appsettings.json</c>, against which configured paths resolve; by default found as the command line finds it.</summary>
    public string? ProjectRoot { get; init; }

    /// <summary>Extra JSON configuration files, as <c>--config</c>.</summary>
    public ImmutableArray<string> ConfigFiles { get; init; } = [];

    /// <summary>Configuration values by key, last in precedence, e.g. <c>["Simulation:MaxConcurrentAgents"] = "8"</c>.</summary>
    public ImmutableDictionary<string, string?> Settings { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>The run folder's name under the runs directory; by default <c>run-&lt;UTC time&gt;</c>.</summary>
    public string? RunId { get; init; }

    /// <summary>The first simulated day.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The last simulated day.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Configured agents (by name) to run beside the given ones; none by default.</summary>
    public ImmutableArray<string> ConfiguredAgents { get; init; } = [];

    /// <summary>Question files instead of <c>Simulation:QuestionSets</c>.</summary>
    public ImmutableArray<string> QuestionSets { get; init; } = [];

    /// <summary>News files instead of <c>Corpus:Files</c>.</summary>
    public ImmutableArray<string> Corpus { get; init; } = [];

    /// <summary>Continue the killed run with this id (give the same agents again).</summary>
    public string? Resume { get; init; }
}
