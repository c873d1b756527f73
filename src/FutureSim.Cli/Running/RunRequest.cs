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

    /// <summary>Accept a window that reaches beyond every article and question (<c>--allow-any-window</c>).</summary>
    public bool AllowAnyWindow { get; init; }

    /// <summary>
    /// Agents supplied by the caller (the MCP client of <c>futuresim mcp</c>, agent objects given to the library): they
    /// take part after the configured agents named by <see cref="Agents"/> (none unless named), are recorded in the
    /// manifest under their specs, and a resumed run gets them again by name.
    /// </summary>
    public IReadOnlyList<ProvidedAgent> ProvidedAgents { get; init; } = [];

    /// <summary>Told of every completed day, besides the progress display.</summary>
    public IProgress<DayReport>? Progress { get; init; }

    /// <summary>Whether the leaderboard is printed after the run (the library leaves the console alone).</summary>
    public bool PrintLeaderboard { get; init; } = true;

    /// <summary>How the leaderboard is printed: <c>md</c> (the full Markdown) or <c>table</c> (the compact terminal tables).</summary>
    public string LeaderboardFormat { get; init; } = "md";

    /// <summary>Standard output carries a protocol (<c>futuresim mcp</c>): the leaderboard goes to standard error instead.</summary>
    public bool KeepStandardOutputFree { get; init; }

    /// <summary>The run's calendar and concurrency instead of the <c>Simulation</c> section's (a sweep's run).</summary>
    public Core.Runs.SimulationSettings? Simulation { get; init; }

    /// <summary>The visibility policy instead of <c>Corpus:Visibility</c> (a sweep's run).</summary>
    public Core.Articles.VisibilityPolicy? Visibility { get; init; }

    /// <summary>The folder that holds the run folder instead of <c>Simulation:RunsDirectory</c> (a sweep's folder).</summary>
    public string? RunsRoot { get; init; }
}
