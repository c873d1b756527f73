using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Interop.Questions;
using FutureSim.Interop.Scoring;

namespace FutureSim.Interop.Verdicts;

/// <summary>
/// Infers which outcome FutureSim's judge accepted from the official Brier value of a question: each
/// outcome (in the environment's order) or none is tried as the first match, and the hypotheses whose BSS
/// equals the printed value within its rounding remain. When the exact truth string is named the BSS needs
/// no verdict, and only a printed top-1 result (from <c>state.json</c>) tells the verdict on the top outcome.
/// </summary>
internal static class VerdictInference
{
    public static (InferenceOutcome Outcome, ImmutableArray<InferredVerdict> Verdicts, Ambiguity? Ambiguity) Infer(
        string questionId, IReadOnlyList<KeyValuePair<string, double>> final, string truth, OfficialResult official)
    {
        var ordered = FutureSimForecastScore.Ordered(final);
        var verdicts = ImmutableArray.CreateBuilder<InferredVerdict>();
        var basis = official.Decimals is { } d
            ? $"inferred from FutureSim's printed Brier {official.Brier.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} of question {questionId} ({d} decimals)"
            : $"inferred from FutureSim's state.json result of question {questionId} (brier {official.Brier.ToString("R", CultureInfo.InvariantCulture)})";
        if (ordered.Length == 0)
        {
            return (InferenceOutcome.Pinned, [], null);
        }

        var exact = Array.FindIndex(ordered, o => string.Equals(o.Key, truth, StringComparison.Ordinal));
        if (exact >= 0)
        {
            if (exact == 0)
            {
                return (InferenceOutcome.Pinned, [], null);
            }

            if (official.TopCorrect is { } top)
            {
                verdicts.Add(new InferredVerdict(questionId, ordered[0].Key, truth, top, basis + ", top-1 as printed"));
                return (InferenceOutcome.Pinned, verdicts.ToImmutable(), null);
            }

            return (InferenceOutcome.TopUnknown, [], null);
        }

        var tolerance = official.Decimals is { } decimals ? 0.5 * Math.Pow(10, -decimals) + 1e-9 : 1e-6;
        var fits = new List<int>();
        for (var k = -1; k < ordered.Length; k++)
        {
            if (Math.Abs(FutureSimForecastScore.Skill(ordered, k) - official.Brier) <= tolerance
                && (official.TopCorrect is not { } topCorrect || topCorrect == (k == 0)))
            {
                fits.Add(k);
            }
        }

        if (fits.Count == 0)
        {
            return (InferenceOutcome.Inconsistent, [], null);
        }

        if (fits.Count > 1)
        {
            // Outcomes before the earliest fitting first match were judged not to match under every hypothesis;
            // which of the fitting ones matched is left to other runs' verdicts (see Resolve).
            var earliest = fits.Select(k => k < 0 ? ordered.Length : k).Min();
            for (var j = 0; j < earliest; j++)
            {
                verdicts.Add(new InferredVerdict(questionId, ordered[j].Key, truth, false, basis));
            }

            return (InferenceOutcome.Ambiguous, verdicts.ToImmutable(), new Ambiguity(questionId, [.. ordered], [.. fits], truth, basis));
        }

        return (InferenceOutcome.Pinned, Verdicts(questionId, ordered, fits[0], truth, basis), null);
    }

    /// <summary>
    /// Decides an ambiguous question: the earliest fitting outcome that other runs' verdicts accept
    /// (<paramref name="pooled"/>: null when they have none), else the earliest whose name contains the truth or
    /// is contained in it (normalised), else "no match" when it fits, else the earliest.
    /// </summary>
    public static ImmutableArray<InferredVerdict> Resolve(Ambiguity ambiguity, Func<string, bool?> pooled)
    {
        var candidates = ambiguity.Fits.Where(k => k >= 0).Order().ToList();
        var chosen = candidates.Cast<int?>().FirstOrDefault(k => pooled(ambiguity.Ordered[k!.Value].Key) == true);
        var how = "chosen by the verdicts of other runs";
        if (chosen is null && !candidates.Any(k => pooled(ambiguity.Ordered[k].Key) is null) && ambiguity.Fits.Contains(-1))
        {
            chosen = -1;
        }

        if (chosen is null)
        {
            var key = Core.Scoring.NormalisingAnswerMatcher.Normalise(ambiguity.Truth);
            chosen = candidates.Cast<int?>().FirstOrDefault(k =>
            {
                var name = Core.Scoring.NormalisingAnswerMatcher.Normalise(ambiguity.Ordered[k!.Value].Key);
                return key.Length > 0 && name.Length > 0 && (name.Contains(key, StringComparison.Ordinal) || key.Contains(name, StringComparison.Ordinal));
            }) ?? (ambiguity.Fits.Contains(-1) ? -1 : candidates[0]);
            how = "chosen by name";
        }

        return Verdicts(ambiguity.QuestionId, ambiguity.Ordered, chosen.Value, ambiguity.Truth, $"{ambiguity.Basis}, one of several fitting first matches ({how})");
    }

    private static ImmutableArray<InferredVerdict> Verdicts(string questionId, IReadOnlyList<KeyValuePair<string, double>> ordered, int first, string truth, string basis)
    {
        var verdicts = ImmutableArray.CreateBuilder<InferredVerdict>();
        for (var j = 0; j < (first < 0 ? ordered.Count : first); j++)
        {
            verdicts.Add(new InferredVerdict(questionId, ordered[j].Key, truth, false, basis));
        }

        if (first >= 0)
        {
            verdicts.Add(new InferredVerdict(questionId, ordered[first].Key, truth, true, basis));
        }

        return verdicts.ToImmutable();
    }
}
