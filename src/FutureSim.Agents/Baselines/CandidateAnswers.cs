using System.Text.RegularExpressions;
using FutureSim.Core.Scoring;

namespace FutureSim.Agents.Baselines;

/// <summary>
/// Finds candidate short answers in news text: runs of capitalised words (names of people, places,
/// teams, parties, titles), or numbers when the question asks for a number.
/// </summary>
internal static partial class CandidateAnswers
{
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "A", "An", "The", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "Or", "But", "After", "Before", "During",
        "Following", "Amid", "As", "With", "Without", "He", "She", "It", "They", "We", "This", "That", "These", "Those", "His",
        "Her", "Its", "Their", "There", "Here", "Who", "What", "Which", "When", "Where", "Will", "Would", "Also", "Meanwhile",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "President", "Prime", "Minister", "Former",
        "New", "Incumbent", "Some", "Several", "Many", "More", "Most", "Other", "Others", "One", "Two", "Three", "First", "Second",
    };

    [GeneratedRegex(@"\p{Lu}[\p{L}\p{M}'’\-\.]*(?:\s+(?:(?:of|de|da|del|van|von|der|la|le|du|al|bin|and|the)\s+)?\p{Lu}[\p{L}\p{M}'’\-\.]*){0,3}")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\b")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:who|which|what|where|whom|how many|how much|will|be|the|a|an|by|\d{1,2}\s+\w+\s+\d{4})\b|[?,.:;""()]", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionFiller();

    /// <summary>Search words for a question: its title without question words, the deadline and punctuation.</summary>
    public static string QueryFor(string title) =>
        string.Join(' ', QuestionFiller().Replace(title, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10));

    /// <summary>The candidate answers in <paramref name="text"/>, in order of appearance, repeats included.</summary>
    public static IEnumerable<string> In(string text, string answerType)
    {
        if (answerType.StartsWith("Number", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match match in Number().Matches(text))
            {
                yield return match.Value;
            }

            yield break;
        }

        foreach (Match match in CapitalisedRun().Matches(text))
        {
            var words = match.Value.TrimEnd('.', '-', '\'', '’').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && Filler.Contains(words[0].TrimEnd('\'', '’', 's')))
            {
                words.RemoveAt(0);
            }

            if (words.Count > 0 && words[^1].Length > 1)
            {
                yield return string.Join(' ', words);
            }
        }
    }

    /// <summary>Whether a candidate is already named by the question itself (context, not an answer).</summary>
    public static bool NamedIn(string candidate, string questionText)
    {
        var key = NormalisingAnswerMatcher.Normalise(candidate);
        return key.Length == 0 || NormalisingAnswerMatcher.Normalise(questionText).Contains(key, StringComparison.Ordinal);
    }
}
