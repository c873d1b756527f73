using System.Text;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Exact, then normalised (case, whitespace, punctuation, diacritics), then alias matching.
/// Deterministic and offline; an LLM judge decorates this matcher for what it cannot decide.
/// </summary>
public sealed class NormalisingAnswerMatcher : IAnswerMatcher
{
    public static NormalisingAnswerMatcher Instance { get; } = new();

    public ValueTask<bool> MatchesAsync(string outcome, QuestionResolution truth, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Matches(outcome, truth));

    /// <summary>The synchronous form of <see cref="MatchesAsync"/>.</summary>
    public static bool Matches(string outcome, QuestionResolution truth)
    {
        if (string.Equals(outcome, truth.Answer, StringComparison.Ordinal))
        {
            return true;
        }

        var key = Normalise(outcome);
        if (key.Length == 0)
        {
            return false;
        }

        return key == Normalise(truth.Answer) || truth.Aliases.Any(alias => key == Normalise(alias));
    }

    /// <summary>Lower case, diacritics removed (<see cref="LatinFolding"/>), punctuation and whitespace removed; the same on every machine.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                LatinFolding.AppendFolded(builder, c);
            }
        }

        return builder.ToString();
    }
}
