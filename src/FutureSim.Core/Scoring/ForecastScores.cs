using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace FutureSim.Core.Scoring;

/// <summary>Per-forecast proper scores. Pure functions; each formula is named where it is defined.</summary>
public static class ForecastScores
{
    /// <summary>Brier score of a binary forecast: <c>(p − y)²</c>, p = probability of Yes, y = 1 if Yes else 0. Lower is better.</summary>
    public static double Brier(double probabilityYes, bool resolvedYes)
    {
        var y = resolvedYes ? 1.0 : 0.0;
        return (probabilityYes - y) * (probabilityYes - y);
    }

    /// <summary>The default bound of <see cref="LogScore"/>: probabilities are clipped to [1e-4, 1 − 1e-4].</summary>
    public const double DefaultLogClamp = 1e-4;

    /// <summary>
    /// Log score of a binary forecast: <c>ln p(outcome)</c> with p clipped to [ε, 1 − ε], so that a certain
    /// wrong forecast scores ln ε (−9.21 for the default ε = 1e-4) instead of −∞. Higher is better; 0 is perfect.
    /// </summary>
    public static double LogScore(double probabilityYes, bool resolvedYes, double clamp = DefaultLogClamp)
    {
        var p = Math.Clamp(probabilityYes, clamp, 1 - clamp);
        return Math.Log(resolvedYes ? p : 1 - p);
    }

    /// <summary>Accuracy at 0.5 of a binary forecast: 1 if p &gt; 0.5 and Yes or p &lt; 0.5 and No, 0.5 if p = 0.5, else 0.</summary>
    public static double AccuracyAtHalf(double probabilityYes, bool resolvedYes) =>
        probabilityYes == 0.5 ? 0.5 : (probabilityYes > 0.5) == resolvedYes ? 1 : 0;

    /// <summary>
    /// Brier skill score against a named reference forecast: <c>BSS = 1 − BS / BS_ref</c> (both mean Brier
    /// scores over the same questions). Positive beats the reference; NaN when the reference is perfect (BS_ref = 0).
    /// </summary>
    public static double BrierSkill(double brier, double referenceBrier) =>
        referenceBrier > 0 ? 1 - brier / referenceBrier : double.NaN;

    /// <summary>
    /// FutureSim's Brier skill score of a distribution over named outcomes:
    /// <c>BSS = 1 − Σ_{o ∈ named ∪ {truth}} (p(o) − 1[o = truth])²</c>.
    /// Outcomes are ordered by (−probability, name) and only the first one that matches the truth counts
    /// as the truth; unassigned mass is not penalised; no outcomes (abstaining) scores 0.
    /// </summary>
    /// <param name="outcomes">The named outcomes and their probabilities.</param>
    /// <param name="matchesTruth">Whether an outcome name matches the truth (decided beforehand by an <see cref="IAnswerMatcher"/>).</param>
    public static double FreeFormSkill(IReadOnlyDictionary<string, double> outcomes, Func<string, bool> matchesTruth) =>
        FreeForm(outcomes, matchesTruth).Skill;

    /// <summary>Top-1 accuracy: whether the highest-probability outcome (ties broken by name) matches the truth.</summary>
    public static bool TopOneCorrect(IReadOnlyDictionary<string, double> outcomes, Func<string, bool> matchesTruth) =>
        FreeForm(outcomes, matchesTruth).TopOneCorrect;

    /// <summary>Truth mass: the sum of probability on every outcome that matches the truth.</summary>
    public static double TruthMass(IReadOnlyDictionary<string, double> outcomes, Func<string, bool> matchesTruth) =>
        FreeForm(outcomes, matchesTruth).TruthMass;

    /// <summary>
    /// All free-form scores of one forecast in one pass over its ordered outcomes: the same values as
    /// <see cref="FreeFormSkill"/>, <see cref="TopOneCorrect"/>, <see cref="TruthMass"/> and the top
    /// outcome's probability (0 when abstaining).
    /// </summary>
    internal static (double Skill, bool TopOneCorrect, double TruthMass, double TopProbability) FreeForm(
        IReadOnlyDictionary<string, double> outcomes, Func<string, bool> matchesTruth)
    {
        if (outcomes.Count == 0)
        {
            return (0, false, 0, 0);
        }

        var ordered = Ordered(outcomes);
        double sum = 0, mass = 0;
        var truthNamed = false;
        var top = false;
        for (var i = 0; i < ordered.Length; i++)
        {
            var (name, p) = ordered[i];
            var matches = matchesTruth(name);
            top |= i == 0 && matches;
            mass += matches ? p : 0;
            var isTruth = !truthNamed && matches;
            truthNamed |= isTruth;
            var target = isTruth ? 1.0 : 0.0;
            sum += (p - target) * (p - target);
        }

        if (!truthNamed)
        {
            sum += 1.0; // the unnamed truth: (0 − 1)²
        }

        return (1 - sum, top, mass, ordered[0].Value);
    }

    /// <summary>Outcomes in FutureSim's order: descending probability, then ordinal name.</summary>
    public static ImmutableArray<KeyValuePair<string, double>> Ordered(IReadOnlyDictionary<string, double> outcomes)
    {
        var ordered = outcomes.ToArray();
        Array.Sort(ordered, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return ImmutableCollectionsMarshal.AsImmutableArray(ordered);
    }
}
