using System.Collections.Immutable;

namespace FutureSim.Core.Scoring;

/// <summary>
/// One accepted forecast with its scores against the question's eventual truth, computed once by scoring.
/// Binary members (<see cref="ProbabilityYes"/>, <see cref="Brier"/>, <see cref="LogScore"/>,
/// <see cref="Accuracy"/>) are NaN or 0 for other kinds, free-form members 0 for binary questions.
/// </summary>
/// <param name="Day">The simulated day it was submitted.</param>
/// <param name="Outcomes">The submitted outcomes and probabilities.</param>
/// <param name="Usable">At least one outcome, and for binary questions a probability of Yes; otherwise an abstention.</param>
/// <param name="ProbabilityYes">Binary: p(Yes); NaN otherwise.</param>
/// <param name="Brier">Binary: <c>(p − y)²</c>.</param>
/// <param name="LogScore">Binary: clipped <c>ln p(outcome)</c>.</param>
/// <param name="Accuracy">Binary: accuracy at 0.5.</param>
/// <param name="Skill">Free-form: FutureSim's Brier skill score.</param>
/// <param name="TopOneCorrect">Free-form: whether the top outcome matches the truth.</param>
/// <param name="TruthMass">Free-form: the probability on outcomes matching the truth.</param>
/// <param name="TopProbability">Free-form: the probability of the top outcome.</param>
public readonly record struct ScoredForecast(
    DateOnly Day,
    ImmutableSortedDictionary<string, double> Outcomes,
    bool Usable,
    double ProbabilityYes,
    double Brier,
    double LogScore,
    double Accuracy,
    double Skill,
    bool TopOneCorrect,
    double TruthMass,
    double TopProbability);
