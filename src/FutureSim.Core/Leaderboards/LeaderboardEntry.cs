using System.Collections.Immutable;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// One leaderboard row: an agent in one configuration, its seeds (runs) pooled. Two runs share a
/// configuration when their manifests agree on everything but the run id, status, concurrency and any
/// agent setting whose name contains "seed".
/// </summary>
public sealed record LeaderboardEntry
{
    /// <summary><c>agent@configuration</c>, unique within the leaderboard.</summary>
    public string Id => $"{Agent}@{ConfigurationId}";

    public required string Agent { get; init; }

    public required string AgentKind { get; init; }

    /// <summary>
    /// A CLI-harness agent (a process with a shell) that ran without its sandbox (<c>"Sandbox": "none"</c>, or a run
    /// from before sandboxing): it could have read the answers. Shown next to its name.
    /// </summary>
    public bool Unsandboxed { get; init; }

    /// <summary>The first 8 hex digits of the SHA-256 of the configuration.</summary>
    public required string ConfigurationId { get; init; }

    /// <summary>The pooled runs (seeds), ordered by id.</summary>
    public required ImmutableArray<string> RunIds { get; init; }

    /// <summary>Runs whose manifest says the harness failed.</summary>
    public required int FailedRuns { get; init; }

    /// <summary>Runs whose log has no run_completed line; they are scored up to their last completed day.</summary>
    public required int IncompleteRuns { get; init; }

    public required int Submissions { get; init; }

    public required int Refusals { get; init; }

    /// <summary>Agent failures by kind, summed over seeds.</summary>
    public required ImmutableSortedDictionary<string, int> Failures { get; init; }

    /// <summary>Scores on free-form and multiple-choice questions, or null when the runs have none.</summary>
    public KindSummary? FreeForm { get; init; }

    /// <summary>Scores on binary questions, or null when the runs have none.</summary>
    public KindSummary? Binary { get; init; }

    /// <summary>The summary of one kind (<see cref="LeaderboardMetric.FreeFormKind"/> or <see cref="LeaderboardMetric.BinaryKind"/>).</summary>
    public KindSummary? Of(string kind) => kind == LeaderboardMetric.FreeFormKind ? FreeForm : Binary;

    /// <summary>Model calls, tokens and cost over the seeds, or null when the agent called no model.</summary>
    public UsageSummary? ModelUsage { get; init; }

    public required ImmutableArray<DailyPoint> Daily { get; init; }
}
