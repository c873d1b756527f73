using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Scoring;

namespace FutureSim.Interop.Verdicts;

/// <summary>
/// Answer matching with a run's recorded judge verdicts: the exact truth string matches; a verdict recorded on
/// the question decides for that question; otherwise the majority of the verdicts recorded on the pair (ties:
/// the first); anything else goes to the fallback matcher (the configured one, by default the normalised
/// string matcher). Counts how often each decided.
/// </summary>
public sealed class RecordedVerdictMatcher : IQuestionAnswerMatcher
{
    private readonly Dictionary<(string Question, string Outcome, string Truth), bool> _byQuestion = [];
    private readonly Dictionary<(string Outcome, string Truth), bool> _byPair = [];
    private readonly IAnswerMatcher _fallback;
    private int _recorded;
    private int _fallbackCount;

    public RecordedVerdictMatcher(IEnumerable<RecordedVerdict> verdicts, IAnswerMatcher fallback)
    {
        _fallback = fallback;
        var tally = new Dictionary<(string, string), (int Yes, int No, bool First)>();
        foreach (var verdict in verdicts)
        {
            var pair = (RunVerdicts.Key(verdict.Outcome), RunVerdicts.Key(verdict.Truth));
            if (verdict.QuestionId is { } question)
            {
                _byQuestion[(question, pair.Item1, pair.Item2)] = verdict.Match;
            }

            var (yes, no, first) = tally.TryGetValue(pair, out var t) ? t : (0, 0, verdict.Match);
            tally[pair] = (yes + (verdict.Match ? 1 : 0), no + (verdict.Match ? 0 : 1), first);
        }

        foreach (var (pair, (yes, no, first)) in tally)
        {
            _byPair[pair] = yes != no ? yes > no : first;
        }
    }

    /// <summary>Decisions taken from recorded verdicts.</summary>
    public int Recorded => Volatile.Read(ref _recorded);

    /// <summary>Decisions left to the fallback matcher.</summary>
    public int Fallback => Volatile.Read(ref _fallbackCount);

    /// <summary>The matcher for a run folder: its <c>judge-verdicts.jsonl</c> over <paramref name="fallback"/>, or <paramref name="fallback"/> when it has none.</summary>
    public static IAnswerMatcher For(string runFolder, IAnswerMatcher fallback)
    {
        var file = Path.Combine(runFolder, RunVerdicts.FileName);
        return File.Exists(file) ? new RecordedVerdictMatcher(RunVerdicts.Read(file), fallback) : fallback;
    }

    public ValueTask<bool> MatchesAsync(string outcome, QuestionResolution truth, CancellationToken cancellationToken) =>
        Decide(null, outcome, truth, cancellationToken);

    public ValueTask<bool> MatchesAsync(QuestionId question, string outcome, QuestionResolution truth, CancellationToken cancellationToken) =>
        Decide(question.Value, outcome, truth, cancellationToken);

    private ValueTask<bool> Decide(string? question, string outcome, QuestionResolution truth, CancellationToken cancellationToken)
    {
        if (string.Equals(outcome, truth.Answer, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(true);
        }

        var pair = (RunVerdicts.Key(outcome), RunVerdicts.Key(truth.Answer));
        if ((question is not null && _byQuestion.TryGetValue((question, pair.Item1, pair.Item2), out var match)) || _byPair.TryGetValue(pair, out match))
        {
            Interlocked.Increment(ref _recorded);
            return ValueTask.FromResult(match);
        }

        Interlocked.Increment(ref _fallbackCount);
        return _fallback.MatchesAsync(outcome, truth, cancellationToken);
    }
}
