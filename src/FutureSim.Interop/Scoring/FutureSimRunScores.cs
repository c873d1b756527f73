using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;

namespace FutureSim.Interop.Scoring;

/// <summary>FutureSim's daily metrics of one agent in one run, with the per-question values behind them (for the bootstrap).</summary>
public sealed record FutureSimRunScores
{
    public required string RunId { get; init; }

    public required string Agent { get; init; }

    /// <summary>Where the run was imported from, when it was.</summary>
    public RunProvenance? Provenance { get; init; }

    /// <summary>The free-form questions counted (the denominator), ordered by id.</summary>
    public required ImmutableArray<QuestionId> Questions { get; init; }

    public required ImmutableArray<FutureSimDailyPoint> Daily { get; init; }

    /// <summary>Per day (as <see cref="Daily"/>), per question (as <see cref="Questions"/>): the question's BSS that day (0 when never forecast).</summary>
    public required ImmutableArray<ImmutableArray<double>> SkillByDay { get; init; }

    /// <summary>Per day, per question: 1 when the top outcome held that day is correct, else 0.</summary>
    public required ImmutableArray<ImmutableArray<double>> TopByDay { get; init; }

    /// <summary>The agent's display name: FutureSim's agent name for an imported run, else the agent.</summary>
    public string AgentName => Provenance?.Details.GetValueOrDefault("agent_name") ?? Agent;

    /// <summary>The seed label of an imported run, else the run id.</summary>
    public string SeedLabel => Provenance?.Details.GetValueOrDefault("seed_label") ?? RunId;

    /// <summary>FutureSim's run id of an imported run, else ours.</summary>
    public string OfficialRunId => Provenance?.Details.GetValueOrDefault("official_run_id") ?? RunId;
}
