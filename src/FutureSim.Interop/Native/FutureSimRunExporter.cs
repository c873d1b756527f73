using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Scoring;

namespace FutureSim.Interop.Native;

/// <summary>
/// Writes one of our runs in the Python harness's run format so that FutureSim's own analysis scripts read it:
/// <c>actions.jsonl</c> (a <c>prediction</c> record per forecast on the day it counted, a <c>resolution</c> record per
/// resolved question with each agent's FutureSim BSS of its final forecast) and <c>daily_metrics.csv</c> with
/// FutureSim's header, its <c>config.json</c> calendar keys, a <c>questions.jsonl</c> with FutureSim's column names and a <c>matcher.jsonl</c>
/// cache holding the decision on every forecast outcome. Columns written: <c>avg_brier</c> (FutureSim's daily Brier skill score, Σ over all questions /
/// their number, 4 decimals), <c>accuracy</c> (top-1, percent, 2 decimals), <c>exp_acc</c> (mean probability on
/// outcomes equal to the truth string, over all questions), <c>total_predictions</c> (questions with a forecast held), <c>daily_submissions</c>,
/// <c>avg_submission_tv_to_prev</c> (mean total-variation distance of the day's submissions to the agent's previous
/// forecast on the question). <c>peer_score</c> and <c>tw_peer_score</c> are left empty: this build does not compute
/// FutureSim's peer scores.
/// </summary>
public static class FutureSimRunExporter
{
    public const string Actions = "actions.jsonl";
    public const string Config = "config.json";
    public const string Questions = "questions.jsonl";
    public const string DailyMetrics = "daily_metrics.csv";
    public const string Header = "date,agent_id,avg_brier,peer_score,tw_peer_score,accuracy,exp_acc,total_predictions,daily_submissions,avg_submission_tv_to_prev";

    public static async Task ExportAsync(RunRecord run, IAnswerMatcher matcher, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var scores = await FutureSimDailyScorer.ScoreAsync(run, matcher, cancellationToken);
        var truth = run.Questions.ToDictionary(q => q.Id, q => q.Resolution);
        var actions = new StringBuilder();
        var finals = new Dictionary<(string Agent, string Question), ForecastSubmitted>();
        foreach (var runEvent in run.Events)
        {
            switch (runEvent)
            {
                case ForecastSubmitted forecast:
                    finals[(forecast.Agent, forecast.QuestionId.Value)] = forecast;
                    var outcomes = new JsonObject();
                    foreach (var (name, p) in forecast.Outcomes)
                    {
                        outcomes[name] = p;
                    }

                    Line(actions, new JsonObject
                    {
                        ["sim_date"] = Day(forecast.Day), ["type"] = "prediction", ["agent_id"] = forecast.Agent,
                        ["question_id"] = forecast.QuestionId.Value, ["outcomes"] = outcomes,
                    });
                    break;
                case QuestionResolved resolved:
                    var agentScores = new JsonObject();
                    foreach (var agent in run.Manifest.Agents.Select(a => a.Name).Order(StringComparer.Ordinal))
                    {
                        if (finals.TryGetValue((agent, resolved.QuestionId.Value), out var final))
                        {
                            var decisions = new Dictionary<string, bool>(StringComparer.Ordinal);
                            foreach (var name in final.Outcomes.Keys)
                            {
                                decisions[name] = await matcher.MatchesAsync(name, truth[resolved.QuestionId], cancellationToken);
                            }

                            agentScores[agent] = FutureSimForecastScore.Score(final.Outcomes.ToArray(), resolved.Answer, n => decisions[n]).Skill;
                        }
                    }

                    Line(actions, new JsonObject
                    {
                        ["sim_date"] = Day(resolved.Day), ["type"] = "resolution", ["question_id"] = resolved.QuestionId.Value,
                        ["ground_truth"] = resolved.Answer, ["agent_scores"] = agentScores,
                    });
                    break;
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, Actions), actions.ToString(), new UTF8Encoding(false), cancellationToken);
        var simulation = run.Manifest.Simulation;
        var config = new JsonObject
        {
            ["sim_name"] = run.Manifest.RunId,
            ["start_date"] = Day(simulation.Start),
            ["end_date"] = Day(simulation.End),
            ["lookback_days"] = simulation.LookbackDays,
            ["timegap_days"] = simulation.StepDays,
            ["agents"] = new JsonArray([.. run.Manifest.Agents.Select(a => (JsonNode)a.Name)]),
        };
        await File.WriteAllTextAsync(Path.Combine(folder, Config), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false), cancellationToken);
        var questions = new StringBuilder();
        foreach (var question in run.Questions.OrderBy(q => q.Id.Value, StringComparer.Ordinal))
        {
            Line(questions, new JsonObject
            {
                ["qid"] = question.Id.Value, ["title"] = question.Title, ["background"] = question.Background,
                ["resolution_criteria"] = question.ResolutionCriteria, ["answer_type"] = question.AnswerType,
                ["resolution_date"] = Day(question.ResolutionDate), ["ground_truth"] = question.Resolution.Answer,
                ["options"] = question.Options.IsEmpty ? null : new JsonArray([.. question.Options.Select(o => (JsonNode)o)]),
            });
        }

        await File.WriteAllTextAsync(Path.Combine(folder, Questions), questions.ToString(), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, FutureSimRunImporter.MatcherCache), await MatcherCacheAsync(run, matcher, cancellationToken), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, DailyMetrics), Metrics(run, scores), new UTF8Encoding(false), cancellationToken);
    }

    private static string Metrics(RunRecord run, IReadOnlyList<FutureSimRunScores> scores)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var byAgent = scores.ToDictionary(s => s.Agent, StringComparer.Ordinal);
        var previous = new Dictionary<(string, string), IReadOnlyDictionary<string, double>>();
        var submissions = run.Events.OfType<ForecastSubmitted>().ToLookup(f => f.Day);
        var held = new Dictionary<(string, string), IReadOnlyDictionary<string, double>>();
        var truth = run.Questions.ToDictionary(q => q.Id.Value, q => q.Resolution.Answer, StringComparer.Ordinal);
        var resolvedOn = run.Events.OfType<QuestionResolved>().ToDictionary(r => r.QuestionId.Value, r => r.Day, StringComparer.Ordinal);
        for (var d = 0; d < run.Days.Length; d++)
        {
            var day = run.Days[d];
            var tv = new Dictionary<string, (double Sum, int Count, int Submissions)>(StringComparer.Ordinal);
            foreach (var forecast in submissions[day])
            {
                var key = (forecast.Agent, forecast.QuestionId.Value);
                var (sum, count, n) = tv.GetValueOrDefault(forecast.Agent);
                if (previous.TryGetValue(key, out var before))
                {
                    sum += TotalVariation(before, forecast.Outcomes);
                    count++;
                }

                tv[forecast.Agent] = (sum, count, n + 1);
                previous[key] = forecast.Outcomes;
                if (!resolvedOn.TryGetValue(key.Item2, out var resolution) || forecast.Day < resolution)
                {
                    held[key] = forecast.Outcomes;
                }
            }

            foreach (var agent in byAgent.Keys.Order(StringComparer.Ordinal))
            {
                var point = byAgent[agent].Daily[d];
                var questions = byAgent[agent].Questions;
                var predicted = questions.Count(q => held.ContainsKey((agent, q.Value)));
                var truthMass = questions.Sum(q => held.TryGetValue((agent, q.Value), out var f) ? f.GetValueOrDefault(truth[q.Value]) : 0);
                var (sum, count, n) = tv.GetValueOrDefault(agent);
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Day(day)},{agent},{point.BrierSkillScore:F4},,,{point.Top1Accuracy:F2},{(questions.Length > 0 ? truthMass / questions.Length : 0):F4},{predicted},{n},{(count > 0 ? sum / count : 0):F4}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// The matcher cache: every (question, outcome) forecast whose outcome is not the truth string, with the decision of
    /// <paramref name="matcher"/>, so that re-importing decides every match the same way.
    /// </summary>
    private static async Task<string> MatcherCacheAsync(RunRecord run, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var truth = run.Questions.ToDictionary(q => q.Id, q => q.Resolution);
        var pairs = run.Events.OfType<ForecastSubmitted>()
            .SelectMany(f => f.Outcomes.Keys.Select(name => (f.QuestionId, Name: name)))
            .Where(p => p.Name != truth[p.QuestionId].Answer)
            .Distinct()
            .OrderBy(p => p.QuestionId.Value, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var (question, name) in pairs)
        {
            var match = matcher is IQuestionAnswerMatcher byQuestion
                ? await byQuestion.MatchesAsync(question, name, truth[question], cancellationToken)
                : await matcher.MatchesAsync(name, truth[question], cancellationToken);
            Line(text, new JsonObject
            {
                ["timestamp"] = null,
                ["input"] = new JsonObject { ["type"] = "free_form", ["predicted"] = name, ["ground_truth"] = truth[question].Answer, ["question_id"] = question.Value },
                ["output"] = new JsonObject { ["response"] = match ? "Yes" : "No", ["is_equivalent"] = match },
                ["metadata"] = new JsonObject(),
            });
        }

        return text.ToString();
    }

    /// <summary>Total-variation distance between two distributions over named outcomes: ½ Σ |p − q| over the union of names.</summary>
    public static double TotalVariation(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        0.5 * a.Keys.Union(b.Keys).Sum(k => Math.Abs(a.GetValueOrDefault(k) - b.GetValueOrDefault(k)));

    private static void Line(StringBuilder text, JsonObject record) =>
        text.Append(record.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
