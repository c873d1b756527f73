using System.Collections.Immutable;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Verdicts pooled over runs: where a run's own results pin nothing about a (question, outcome) it forecast,
/// the majority of the verdicts inferred on the same question and outcome in the other runs decides (no
/// verdict on a tie), recorded with judge <see cref="PooledJudge"/>.
/// </summary>
internal static class VerdictPool
{
    public const string PooledJudge = "pooled:futuresim-official-results";

    public static ImmutableArray<ImportedRun> Complete(IReadOnlyList<ImportedRun> runs)
    {
        var votes = new Dictionary<(string Question, string Outcome), (int Yes, int No, RecordedVerdict Example)>();
        foreach (var verdict in runs.SelectMany(r => r.Verdicts))
        {
            var key = (verdict.QuestionId!, RunVerdicts.Key(verdict.Outcome));
            var (yes, no, example) = votes.TryGetValue(key, out var v) ? v : (0, 0, verdict);
            votes[key] = (yes + (verdict.Match ? 1 : 0), no + (verdict.Match ? 0 : 1), example);
        }

        var completed = ImmutableArray.CreateBuilder<ImportedRun>(runs.Count);
        foreach (var original in runs)
        {
            var resolved = original.Ambiguities.SelectMany(a => VerdictInference.Resolve(a, name =>
                votes.TryGetValue((a.QuestionId, RunVerdicts.Key(name)), out var t) && t.Yes != t.No ? t.Yes > t.No : null));
            var run = original with
            {
                Verdicts = original.Verdicts.AddRange(resolved.Select(v => new RecordedVerdict(v.Outcome, v.Truth, v.Match, RunVerdicts.InferredJudge, v.Basis) { QuestionId = v.QuestionId })),
            };
            var own = run.Verdicts.Select(v => (v.QuestionId!, RunVerdicts.Key(v.Outcome))).ToHashSet();
            var truths = run.Questions.ToDictionary(q => q.Id.Value, q => q.Resolution.Answer, StringComparer.Ordinal);
            var added = ImmutableArray.CreateBuilder<RecordedVerdict>();
            foreach (var forecast in run.Events.OfType<Core.Runs.ForecastSubmitted>())
            {
                foreach (var name in forecast.Outcomes.Keys)
                {
                    var key = (forecast.QuestionId.Value, RunVerdicts.Key(name));
                    if (name == truths[key.Value] || !own.Add(key) || !votes.TryGetValue(key, out var tally) || tally.Yes == tally.No)
                    {
                        continue;
                    }

                    added.Add(new RecordedVerdict(name, truths[key.Value], tally.Yes > tally.No, PooledJudge,
                        $"majority of the verdicts inferred on question {key.Value} in other runs ({tally.Yes} match, {tally.No} not)") { QuestionId = key.Value });
                }
            }

            completed.Add(run with { Verdicts = run.Verdicts.AddRange(added) });
        }

        return completed.MoveToImmutable();
    }
}
