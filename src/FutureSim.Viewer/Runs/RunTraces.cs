using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// What the agents did, indexed from a run's events: per agent and day the events in log order, and per agent
/// and question the articles that led to its submissions. An article leads to a submission on a question when
/// a search returned it or the agent read it in the agent's calls of the same day after its previous
/// <c>submit_forecasts</c> call (or the start of its day) and up to the submission: the evidence the agent
/// had gathered when it submitted.
/// </summary>
public sealed class RunTraces
{
    private readonly Dictionary<(string Agent, DateOnly Day), List<RunEvent>> _days = [];
    private readonly Dictionary<(string Agent, QuestionId Question), List<RetrievedArticle>> _evidence = [];
    private readonly Dictionary<ArticleId, List<RetrievedArticle>> _retrievals = [];

    public RunTraces(RunRecord record)
    {
        var windows = new Dictionary<string, List<RetrievedArticle>>(StringComparer.Ordinal);
        var asOf = DateTimeOffset.MinValue;
        foreach (var runEvent in record.Events)
        {
            var agent = runEvent switch
            {
                ToolCalled call => call.Agent,
                ForecastSubmitted forecast => forecast.Agent,
                ForecastRefused refused => refused.Agent,
                NotesSaved notes => notes.Agent,
                AgentFailed failed => failed.Agent,
                _ => null,
            };
            if (agent is null)
            {
                if (runEvent is DayStarted started)
                {
                    windows.Clear();
                    asOf = started.AsOf;
                }

                continue;
            }

            var key = (agent, runEvent.Day);
            if (!_days.TryGetValue(key, out var list))
            {
                _days[key] = list = [];
            }

            list.Add(runEvent);
            if (runEvent is not ToolCalled toolCall)
            {
                continue;
            }

            if (!windows.TryGetValue(agent, out var window))
            {
                windows[agent] = window = [];
            }

            if (toolCall.Tool == ToolNames.SubmitForecasts)
            {
                if (QuestionOf(toolCall.Arguments) is { } question)
                {
                    var evidenceKey = (agent, question);
                    if (!_evidence.TryGetValue(evidenceKey, out var evidence))
                    {
                        _evidence[evidenceKey] = evidence = [];
                    }

                    evidence.AddRange(window);
                }

                window.Clear();
                continue;
            }

            var via = toolCall.Tool == ToolNames.GetArticle ? "read" : "search";
            for (var i = 0; i < toolCall.ArticleIds.Length; i++)
            {
                var retrieved = new RetrievedArticle(
                    new ArticleId(toolCall.ArticleIds[i]),
                    i < toolCall.VisibleAt.Length ? toolCall.VisibleAt[i] : asOf,
                    agent,
                    toolCall.Day,
                    toolCall.Seq,
                    via);
                window.Add(retrieved);
                if (!_retrievals.TryGetValue(retrieved.Id, out var retrievals))
                {
                    _retrievals[retrieved.Id] = retrievals = [];
                }

                retrievals.Add(retrieved);
            }
        }
    }

    /// <summary>Every article any agent was returned, with each retrieval.</summary>
    public IReadOnlyDictionary<ArticleId, List<RetrievedArticle>> Retrievals => _retrievals;

    /// <summary>The agent's events of the day in log order (tool calls, forecasts, refusals, notes, failures).</summary>
    public IReadOnlyList<RunEvent> Day(string agent, DateOnly day) => _days.TryGetValue((agent, day), out var list) ? list : [];

    /// <summary>The days on which the agent has events, in order.</summary>
    public ImmutableArray<DateOnly> DaysOf(string agent) => [.. _days.Keys.Where(k => k.Agent == agent).Select(k => k.Day).Order()];

    /// <summary>The articles that led to the agent's submissions on the question, in the order retrieved.</summary>
    public IReadOnlyList<RetrievedArticle> Evidence(string agent, QuestionId question) =>
        _evidence.TryGetValue((agent, question), out var list) ? list : [];

    private static QuestionId? QuestionOf(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Object
        && arguments.TryGetProperty("question_id", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 } text
            ? new QuestionId(text)
            : null;
}
