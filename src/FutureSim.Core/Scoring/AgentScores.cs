using System.Collections.Immutable;

namespace FutureSim.Core.Scoring;

/// <summary>Everything scored for one agent of one run.</summary>
public sealed record AgentScores
{
    public required string Agent { get; init; }

    /// <summary>Per question on the last completed day, in the order of <see cref="ScoredRun.Questions"/>.</summary>
    public required ImmutableArray<QuestionScore> Questions { get; init; }

    /// <summary>
    /// Per question (in the order of <see cref="ScoredRun.Questions"/>), every forecast the agent submitted
    /// before the question resolved, scored, in log order: the forecast held on a day is the last one
    /// submitted on or before it.
    /// </summary>
    public ImmutableArray<ImmutableArray<ScoredForecast>> Forecasts { get; init; } = [];

    /// <summary>One entry per completed day, in order.</summary>
    public required ImmutableArray<DailyScore> Daily { get; init; }

    /// <summary>Accepted forecasts over the run.</summary>
    public required int Submissions { get; init; }

    /// <summary>Forecasts the harness refused over the run.</summary>
    public required int Refusals { get; init; }

    /// <summary>Agent failures over the run by kind (<c>exception</c>, <c>timeout</c>, <c>endpoint</c>, …).</summary>
    public required ImmutableSortedDictionary<string, int> Failures { get; init; }

    /// <summary>The agent's model usage per day from its usage file (empty when it called no model).</summary>
    public ImmutableArray<Runs.ModelUsage> ModelUsage { get; init; } = [];
}
