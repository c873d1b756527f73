namespace FutureSim.Interop.Scoring;

/// <summary>
/// FutureSim's scores of one free-form forecast, as its environment computed them. Outcomes are ordered by
/// (−probability, name). The truth is the outcome equal to the truth string when there is one, else the
/// first outcome the judge accepts; <c>BSS = 1 − Σ_{o ∈ named ∪ {truth}} (p(o) − 1[o = truth])²</c>.
/// Top-1 is whether the top outcome is the truth string or accepted by the judge — the judge is asked
/// about the top outcome even when the exact truth is listed lower.
/// </summary>
public static class FutureSimForecastScore
{
    /// <summary>The BSS and top-1 correctness of <paramref name="outcomes"/> against <paramref name="truth"/>.</summary>
    /// <param name="outcomes">The named outcomes and their probabilities, in any order.</param>
    /// <param name="truth">The truth string.</param>
    /// <param name="judge">Whether the judge accepts an outcome as the truth (asked only about non-identical names).</param>
    public static (double Skill, bool TopCorrect) Score(IReadOnlyList<KeyValuePair<string, double>> outcomes, string truth, Func<string, bool> judge)
    {
        if (outcomes.Count == 0)
        {
            return (0, false);
        }

        var ordered = Ordered(outcomes);
        var truthIndex = TruthIndex(ordered, truth, judge);
        var top = string.Equals(ordered[0].Key, truth, StringComparison.Ordinal) || judge(ordered[0].Key);
        return (Skill(ordered, truthIndex), top);
    }

    /// <summary>Outcomes in the environment's order: descending probability, then name (ordinal).</summary>
    public static KeyValuePair<string, double>[] Ordered(IEnumerable<KeyValuePair<string, double>> outcomes)
    {
        var ordered = outcomes.ToArray();
        Array.Sort(ordered, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return ordered;
    }

    /// <summary>The position of the exact truth string, else of the first outcome the judge accepts, else −1.</summary>
    public static int TruthIndex(IReadOnlyList<KeyValuePair<string, double>> ordered, string truth, Func<string, bool> judge)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (string.Equals(ordered[i].Key, truth, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            if (judge(ordered[i].Key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The BSS of ordered outcomes when the outcome at <paramref name="truthIndex"/> is the truth (−1: the truth is unnamed).</summary>
    public static double Skill(IReadOnlyList<KeyValuePair<string, double>> ordered, int truthIndex)
    {
        double sum = truthIndex < 0 ? 1 : 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var target = i == truthIndex ? 1.0 : 0.0;
            sum += (ordered[i].Value - target) * (ordered[i].Value - target);
        }

        return 1 - sum;
    }
}
