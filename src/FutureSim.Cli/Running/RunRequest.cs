using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Running;

/// <summary>What the <c>run</c> verb was asked on its command line (options not given are null).</summary>
internal sealed record RunRequest
{
    public string? RunId { get; init; }

    public IReadOnlyList<string>? Agents { get; init; }

    /// <summary>Agents given directly (e.g. the connected MCP client of <c>futuresim mcp</c>) instead of the configured ones.</summary>
    public IReadOnlyList<Core.Runs.AgentSpec>? AgentSpecs { get; init; }

    public IReadOnlyList<string>? QuestionSets { get; init; }

    public IReadOnlyList<string>? Corpus { get; init; }

    /// <summary>Continue this run from its last completed day.</summary>
    public string? Resume { get; init; }

    /// <summary>Re-execute this run from its recorded model calls into a new run folder.</summary>
    public string? Replay { get; init; }

    public bool Quiet { get; init; }

    /// <summary>
    /// An agent supplied by the verb instead of the configured ones (the MCP client of <c>futuresim mcp</c>): the run has
    /// this one agent, recorded in the manifest under its spec, and a resumed run gets it again by name.
    /// </summary>
    public AgentRegistration? ProvidedAgent { get; init; }

    /// <summary>Standard output carries a protocol (<c>futuresim mcp</c>): the leaderboard goes to standard error instead.</summary>
    public bool KeepStandardOutputFree { get; init; }
}
