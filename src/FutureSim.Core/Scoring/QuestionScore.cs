using System.Collections.Immutable;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Scoring;

/// <summary>
/// One agent's score on one question on the run's last completed day: a question resolved during the run
/// is scored with the last forecast made before it resolved; an open one with the forecast held that day,
/// against its eventual truth. Binary members are null for other kinds and vice versa.
/// </summary>
public sealed record QuestionScore
{
    public required QuestionId QuestionId { get; init; }

    public required QuestionKind Kind { get; init; }

    /// <summary>The forecast scored (null when the agent never forecast the question).</summary>
    public ImmutableSortedDictionary<string, double>? Outcomes { get; init; }

    /// <summary>The day <see cref="Outcomes"/> was submitted.</summary>
    public DateOnly? ForecastDay { get; init; }

    /// <summary>
    /// Whether the agent holds a usable forecast: at least one outcome, and for binary questions a
    /// probability of Yes. Otherwise it abstained.
    /// </summary>
    public required bool Forecast { get; init; }

    /// <summary>The day the question resolved during the run, or null if it was still open at the end.</summary>
    public DateOnly? ResolvedOn { get; init; }

    /// <summary>Binary: p(Yes) of the forecast.</summary>
    public double? ProbabilityYes { get; init; }

    /// <summary>Binary: <c>(p − y)²</c>.</summary>
    public double? Brier { get; init; }

    /// <summary>Binary: <c>ln p(outcome)</c>, clipped (see <see cref="ScoringOptions.LogClamp"/>).</summary>
    public double? LogScore { get; init; }

    /// <summary>Binary: accuracy at 0.5 (1, 0.5 for p = 0.5, or 0).</summary>
    public double? Accuracy { get; init; }

    /// <summary>Free-form and multiple choice: FutureSim's Brier skill score (0 when abstaining).</summary>
    public double? Skill { get; init; }

    /// <summary>Free-form and multiple choice: whether the top outcome matches the truth.</summary>
    public bool? TopOneCorrect { get; init; }

    /// <summary>Free-form and multiple choice: the probability on outcomes matching the truth.</summary>
    public double? TruthMass { get; init; }

    /// <summary>Free-form and multiple choice: the probability of the top outcome (null when abstaining).</summary>
    public double? TopProbability { get; init; }

    /// <summary>
    /// Free-form and multiple choice: the time-weighted score of the question so far, from its first day (−100 … 100):
    /// <c>100 · Σ_d BSS_d · len_d / (resolution day − first day)</c>, where the first day is the later of the question's
    /// open day and the run's first day, BSS_d that of the forecast held on day d (0 without one) and len_d the days it
    /// is held within [first day, resolution day).
    /// </summary>
    public double? TimeWeighted { get; init; }

    /// <summary>
    /// Free-form and multiple choice: FutureSim's time-weighted score of the question so far: the same with every
    /// question's window starting on the run's first day (day 0), whatever its open day, as FutureSim counts it.
    /// </summary>
    public double? TimeWeightedFutureSim { get; init; }
}
