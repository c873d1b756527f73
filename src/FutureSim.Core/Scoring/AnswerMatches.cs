using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Scoring;

/// <summary>
/// The matcher's decisions for every outcome name forecast on a free-form or multiple-choice question,
/// taken once per (question, name) before scoring so that scoring itself is pure and synchronous.
/// </summary>
internal sealed class AnswerMatches
{
    private static readonly Func<string, bool> Never = _ => false;

    private readonly Dictionary<QuestionId, Func<string, bool>> _decisions;

    private AnswerMatches(Dictionary<QuestionId, Func<string, bool>> decisions) => _decisions = decisions;

    /// <summary>
    /// Asks <paramref name="matcher"/> about each distinct outcome name, in ordinal order per question; a
    /// name equal to the truth string matches without asking.
    /// </summary>
    public static async Task<AnswerMatches> DecideAsync(
        ImmutableArray<Question> questions, ImmutableArray<RunEvent> events, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var names = questions
            .Where(q => q.Kind != QuestionKind.Binary)
            .ToDictionary(q => q.Id, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var runEvent in events)
        {
            if (runEvent is ForecastSubmitted forecast && names.TryGetValue(forecast.QuestionId, out var set))
            {
                foreach (var name in forecast.Outcomes.Keys)
                {
                    set.Add(name);
                }
            }
        }

        var decisions = new Dictionary<QuestionId, Func<string, bool>>();
        foreach (var question in questions)
        {
            if (!names.TryGetValue(question.Id, out var set))
            {
                continue;
            }

            var decided = new Dictionary<string, bool>(set.Count, StringComparer.Ordinal);
            foreach (var name in set.Order(StringComparer.Ordinal))
            {
                decided[name] = await MatchesAsync(matcher, name, question.Resolution, cancellationToken).ConfigureAwait(false);
            }

            decisions[question.Id] = name => decided.TryGetValue(name, out var matches) && matches;
        }

        return new AnswerMatches(decisions);
    }

    /// <summary>Whether <paramref name="name"/> names the truth: a name equal to the truth string matches before the matcher is asked.</summary>
    public static async ValueTask<bool> MatchesAsync(IAnswerMatcher matcher, string name, QuestionResolution truth, CancellationToken cancellationToken) =>
        string.Equals(name, truth.Answer, StringComparison.Ordinal)
        || await matcher.MatchesAsync(name, truth, cancellationToken).ConfigureAwait(false);

    /// <summary>The decision function for one question (false for names never decided).</summary>
    public Func<string, bool> For(QuestionId question) => _decisions.GetValueOrDefault(question, Never);
}
