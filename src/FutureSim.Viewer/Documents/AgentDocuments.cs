using System.Text.Json;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tools;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>
/// The agent documents: an agent's activity day by day (calls, submissions, refusals, failures, model usage),
/// and one day in full — its tool calls in order with their arguments and returned articles, its notes and
/// failures, and the model calls recorded that day with their tokens.
/// </summary>
internal static class AgentDocuments
{
    public const string ModelCallsFile = "model-calls.jsonl";

    public static object Overview(RunSnapshot s, string agent)
    {
        var usage = s.Usage.TryGetValue(agent, out var rows) ? rows.ToDictionary(r => r.Day) : [];
        var traces = s.Traces!;
        var scores = s.Scores!.Agents.First(a => a.Agent == agent);
        var daily = scores.Daily.ToDictionary(d => d.Day);
        return new
        {
            agent,
            kind = s.Manifest!.Agents.First(a => a.Name == agent).Kind,
            settings = s.Manifest.Agents.First(a => a.Name == agent).Settings,
            days = s.Record!.Days.Select(day =>
            {
                var events = traces.Day(agent, day);
                var calls = events.OfType<ToolCalled>().ToList();
                var used = usage.GetValueOrDefault(day);
                return new
                {
                    day = day.ToString("yyyy-MM-dd"),
                    calls = calls.Count,
                    searches = calls.Count(c => c.Tool == ToolNames.SearchNews),
                    reads = calls.Count(c => c.Tool == ToolNames.GetArticle),
                    submissions = events.Count(e => e is ForecastSubmitted),
                    refusals = events.Count(e => e is ForecastRefused),
                    errors = calls.Count(c => c.Error is not null),
                    failures = events.OfType<AgentFailed>().Select(f => f.Kind).ToArray(),
                    notes = events.Any(e => e is NotesSaved),
                    model_calls = used?.Calls,
                    input_tokens = used?.InputTokens,
                    output_tokens = used?.OutputTokens,
                    cost = ViewJson.Number(used?.Cost),
                    bss = ViewJson.Number(daily.GetValueOrDefault(day)?.Skill),
                    brier = ViewJson.Number(daily.GetValueOrDefault(day)?.Brier),
                };
            }).ToArray(),
        };
    }

    public static object Day(RunSnapshot s, string agent, DateOnly day)
    {
        var usage = s.Usage.TryGetValue(agent, out var rows) ? rows.FirstOrDefault(r => r.Day == day) : null;
        var (modelCalls, modelProblem) = ModelCalls(s.Location, agent, day);
        var days = s.Record!.Days;
        var at = days.IndexOf(day);
        return new
        {
            agent,
            day = day.ToString("yyyy-MM-dd"),
            as_of = s.Record.Events.OfType<DayStarted>().FirstOrDefault(d => d.Day == day)?.AsOf,
            previous = at > 0 ? days[at - 1].ToString("yyyy-MM-dd") : null,
            next = at >= 0 && at + 1 < days.Length ? days[at + 1].ToString("yyyy-MM-dd") : null,
            calls_recorded = CallsRecorded(s.Traces!.Day(agent, day)),
            items = Items(s.Traces!.Day(agent, day)),
            usage = usage is null ? null : new { calls = usage.Calls, input_tokens = usage.InputTokens, output_tokens = usage.OutputTokens, cost = ViewJson.Number(usage.Cost) },
            model_calls = modelCalls,
            model_calls_problem = modelProblem,
        };
    }

    /// <summary>
    /// The day's items in log order. Where the calls were recorded, a forecast or refusal event repeats its submit
    /// call, so only the call is shown; a run without recorded calls (imported from FutureSim's traces) shows its
    /// forecasts and refusals themselves.
    /// </summary>
    private static object[] Items(IReadOnlyList<RunEvent> events)
    {
        var callsRecorded = CallsRecorded(events);
        return [.. events.Select(e => Item(e, callsRecorded)).OfType<object>()];
    }

    private static bool CallsRecorded(IReadOnlyList<RunEvent> events) => events.Any(e => e is ToolCalled);

    private static object? Item(RunEvent e, bool callsRecorded) => e switch
    {
        ForecastSubmitted forecast when !callsRecorded => new
        {
            type = "submission",
            question = forecast.QuestionId.Value,
            outcomes = ForecastScores.Ordered(forecast.Outcomes).Select(o => new object?[] { o.Key, ViewJson.Number(o.Value) }).ToArray(),
        },
        ForecastRefused refused when !callsRecorded => new { type = "refusal", question = refused.QuestionId, reason = refused.Reason },
        ToolCalled call => new
        {
            type = "call",
            seq = call.Seq,
            tool = call.Tool,
            arguments = call.Arguments,
            error = call.Error,
            notices = call.Notices.IsEmpty ? null : call.Notices.ToArray(),

            // Ids only: titles and visibility instants come once per run from the articles index document.
            articles = call.ArticleIds.IsEmpty ? null : call.ArticleIds.ToArray(),
        },
        NotesSaved notes => new { type = "notes", text = notes.Text },
        AgentFailed failed => new { type = "failure", kind = failed.Kind, message = failed.Message },
        _ => null,
    };

    private static (object[] Calls, string? Problem) ModelCalls(RunLocation run, string agent, DateOnly day)
    {
        if (RunLocator.AgentFile(run, agent, ModelCallsFile) is not { } path || !File.Exists(path))
        {
            return ([], null);
        }

        try
        {
            return ([.. RecordedModelCall.Read(path).Where(c => c.Day == day).Select(c => new
            {
                seq = c.Seq,
                model = c.ModelId,
                finish_reason = c.FinishReason,
                input_tokens = c.InputTokens,
                output_tokens = c.OutputTokens,
                reply = c.Reply,
                tool_calls = c.ToolCalls.Select(t => new { name = t.Name, arguments = t.Arguments }).ToArray(),
                new_messages = c.NewMessages.Select(m => JsonDocument.Parse(m).RootElement.Clone()).ToArray(),
                failure = c.FailureKind is null ? null : new { kind = c.FailureKind, message = c.FailureMessage },
            })], null);
        }
        catch (InvalidInputException e)
        {
            return ([], e.Message);
        }
    }
}
