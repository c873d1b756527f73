using System.Collections.Immutable;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Scoring;

/// <summary>Scores a run from its <see cref="RunRecord"/>: per question, per day and per agent.</summary>
public static class RunScorer
{
    /// <summary>
    /// Decides every free-form answer match through <paramref name="matcher"/> first (an outcome equal to the
    /// truth string matches without asking; each distinct name is asked once per question), then scores the
    /// run with pure functions. The result depends only on the record, the matcher's answers and the options.
    /// </summary>
    public static async Task<RunScores> ScoreAsync(RunRecord run, IAnswerMatcher matcher, ScoringOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(matcher);
        if (!(options.LogClamp > 0 && options.LogClamp < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LogClamp, "LogClamp must be in (0, 0.5).");
        }

        var questions = run.Questions.Sort((a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var matches = await AnswerMatches.DecideAsync(questions, run.Events, matcher, cancellationToken).ConfigureAwait(false);
        return new RunScoring(run, questions, matches, options).Score();
    }
}
