using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Scans a question set for answers given away by question text: the answer or an alias (longer than
/// <see cref="MinimumTermLength"/> − 1 characters) of a question A found, as whole words, case- and
/// diacritic-insensitively, in the title or background of A itself, or of another question B that opens before
/// A resolves (B opens before the start of A's resolution day). Words are runs of letters and digits compared
/// after <see cref="NormalisingAnswerMatcher.Normalise"/>, so punctuation between words does not matter
/// ("Saint-Denis" matches "Saint Denis") and "Ward" does not match "awards".
/// </summary>
public static class QuestionLeakScan
{
    /// <summary>Shorter answers ("Yes", "No", "UK") are not scanned: they occur everywhere.</summary>
    public const int MinimumTermLength = 4;

    private const int ExcerptContext = 40;

    /// <summary>Every leak in the set, ordered by question, term, then the question and field it was found in.</summary>
    public static ImmutableArray<QuestionLeak> Find(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var all = questions.ToList();
        var texts = new List<(int Question, string Field, string Text, List<(string Key, int Start, int End)> Words)>();
        var postings = new Dictionary<string, List<(int Text, int Word)>>(StringComparer.Ordinal);
        foreach (var (question, index) in all.Select((q, i) => (q, i)))
        {
            foreach (var (field, text) in new[] { ("title", question.Title), ("background", question.Background) })
            {
                var words = Words(text);
                for (var w = 0; w < words.Count; w++)
                {
                    if (!postings.TryGetValue(words[w].Key, out var list))
                    {
                        postings[words[w].Key] = list = [];
                    }

                    list.Add((texts.Count, w));
                }

                texts.Add((index, field, text, words));
            }
        }

        var leaks = ImmutableArray.CreateBuilder<QuestionLeak>();
        for (var index = 0; index < all.Count; index++)
        {
            var question = all[index];
            var resolvesAt = SimulatedTime.StartOf(question.ResolutionDate);
            var terms = question.Resolution.Aliases.Prepend(question.Resolution.Answer)
                .Select(t => t.Trim())
                .Where(t => t.Length >= MinimumTermLength)
                .Select(t => (Term: t, Keys: Words(t).Select(w => w.Key).ToList()))
                .Where(t => t.Keys.Count > 0)
                .DistinctBy(t => string.Join(' ', t.Keys));
            foreach (var (term, keys) in terms)
            {
                if (!postings.TryGetValue(keys[0], out var starts))
                {
                    continue;
                }

                // One finding per term and text: the first match.
                var reported = new HashSet<int>();
                foreach (var (t, w) in starts)
                {
                    var (other, field, text, words) = texts[t];
                    if ((other != index && all[other].OpensAt >= resolvesAt) || reported.Contains(t) || !MatchesAt(words, w, keys))
                    {
                        continue;
                    }

                    reported.Add(t);
                    leaks.Add(new QuestionLeak(question.Id, term, all[other].Id, field, Excerpt(text, words[w].Start, words[w + keys.Count - 1].End)));
                }
            }
        }

        return leaks.ToImmutable();
    }

    private static bool MatchesAt(List<(string Key, int Start, int End)> words, int start, List<string> term)
    {
        if (start + term.Count > words.Count)
        {
            return false;
        }

        for (var i = 0; i < term.Count; i++)
        {
            if (words[start + i].Key != term[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs of letters, digits and combining marks, with their normalised key and position in the text.</summary>
    private static List<(string Key, int Start, int End)> Words(string text)
    {
        var words = new List<(string Key, int Start, int End)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length
                && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var key = NormalisingAnswerMatcher.Normalise(text[start..i]);
                if (key.Length > 0)
                {
                    words.Add((key, start, i));
                }

                start = -1;
            }
        }

        return words;
    }

    private static string Excerpt(string text, int start, int end)
    {
        var from = Math.Max(0, start - ExcerptContext);
        var to = Math.Min(text.Length, end + ExcerptContext);
        return (from > 0 ? "…" : "") + HtmlText.CollapseWhitespace(text[from..to]) + (to < text.Length ? "…" : "");
    }
}
