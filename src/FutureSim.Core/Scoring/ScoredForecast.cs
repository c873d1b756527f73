using System.Collections.Immutable;

namespace FutureSim.Core.Scoring;

/// <summary>One submitted forecast with its scores against the question's truth, computed once.</summary>
internal readonly record struct ScoredForecast(
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
