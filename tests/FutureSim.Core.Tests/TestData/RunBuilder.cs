using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Core.Tests.TestData;

/// <summary>
/// Builds small runs by hand: questions, agents and what they did on day i (0-based from 2026-01-01);
/// the event log follows the runner's order (day_started, resolutions, agents' events, day_completed).
/// </summary>
internal sealed class RunBuilder
{
    public static readonly DateOnly Start = new(2026, 1, 1);

    private readonly List<Question> _questions = [];
    private readonly List<AgentSpec> _agents = [];
    private readonly List<(int Day, RunEvent Event)> _actions = [];

    public RunBuilder(string runId = "run-1", int days = 4)
    {
        RunId = runId;
        Days = days;
    }

    public string RunId { get; }

    public int Days { get; }

    public bool Complete { get; set; } = true;

    public RunStatus Status { get; set; } = RunStatus.Completed;

    public static DateOnly Day(int index) => Start.AddDays(index);

    public RunBuilder Agent(string name, string kind = "scripted", params (string Key, string Value)[] settings)
    {
        _agents.Add(new AgentSpec { Name = name, Kind = kind, Settings = settings.ToImmutableSortedDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal) });
        return this;
    }

    public RunBuilder FreeForm(string id, string truth, int resolvesOn, params string[] aliases) =>
        Add(id, QuestionKind.FreeForm, truth, resolvesOn, aliases, null);

    public RunBuilder Binary(string id, bool yes, int resolvesOn, double? crowd = null) =>
        Add(id, QuestionKind.Binary, yes ? QuestionResolution.Yes : QuestionResolution.No, resolvesOn, [], crowd);

    /// <summary>Makes question <paramref name="id"/> open at the start of day <paramref name="day"/> instead of day 0.</summary>
    public RunBuilder OpensOn(string id, int day)
    {
        var i = _questions.FindIndex(q => q.Id.Value == id);
        _questions[i] = _questions[i] with { OpensAt = SimulatedTime.StartOf(Day(day)) };
        return this;
    }

    public RunBuilder Forecast(string agent, string question, int day, params (string Outcome, double P)[] outcomes)
    {
        _actions.Add((day, new ForecastSubmitted
        {
            Day = Day(day),
            Agent = agent,
            QuestionId = new QuestionId(question),
            Outcomes = outcomes.ToImmutableSortedDictionary(o => o.Outcome, o => o.P, StringComparer.Ordinal),
        }));
        return this;
    }

    public RunBuilder Refusal(string agent, string question, int day)
    {
        _actions.Add((day, new ForecastRefused { Day = Day(day), Agent = agent, QuestionId = question, Reason = "probabilities sum above 1" }));
        return this;
    }

    public RunBuilder Failure(string agent, int day, string kind)
    {
        _actions.Add((day, new AgentFailed { Day = Day(day), Agent = agent, Kind = kind, Message = kind + " on purpose" }));
        return this;
    }

    public RunBuilder ToolCall(string agent, int day)
    {
        using var arguments = JsonDocument.Parse("{\"query\":\"election\"}");
        _actions.Add((day, new ToolCalled { Day = Day(day), Agent = agent, Seq = 1, Tool = "search_news", Arguments = arguments.RootElement.Clone() }));
        return this;
    }

    public IReadOnlyList<Question> Questions => _questions;

    public RunManifest Manifest => new()
    {
        RunId = RunId,
        Status = Status,
        Simulation = new SimulationSettings { Start = Start, End = Day(Days - 1) },
        Corpus = new CorpusIdentity("corpus-sha", VisibilityPolicy.Strict, 100),
        QuestionSets = [new QuestionSetInfo("test-set", "questions.jsonl", "set-sha", _questions.Count)],
        Agents = [.. _agents],
    };

    public List<RunEvent> Events()
    {
        var events = new List<RunEvent>();
        for (var d = 0; d < Days; d++)
        {
            var day = Day(d);
            events.Add(new DayStarted { Day = day, AsOf = SimulatedTime.EndOf(day) });
            foreach (var question in _questions.Where(q => q.ResolutionDate == day || (d == 0 && q.ResolutionDate < day)))
            {
                events.Add(new QuestionResolved { Day = day, QuestionId = question.Id, Answer = question.Resolution.Answer });
            }

            events.AddRange(_actions.Where(a => a.Day == d).Select(a => a.Event));
            events.Add(new DayCompleted { Day = day });
        }

        if (Complete)
        {
            events.Add(new RunCompleted { Day = Day(Days - 1) });
        }

        return events;
    }

    public RunRecord Record() => RunRecord.Create(Manifest, _questions, Events(), RunId);

    /// <summary>Writes the run folder into a fresh temporary directory and returns its path.</summary>
    public string WriteFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "futuresim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunFolderLayout.Manifest), JsonSerializer.Serialize(Manifest, RunFormat.IndentedJson));
        File.WriteAllLines(Path.Combine(folder, RunFolderLayout.Questions), _questions.Select(q => JsonSerializer.Serialize(q, RunFormat.Json)));
        File.WriteAllLines(Path.Combine(folder, RunFolderLayout.Events), Events().Select(e => JsonSerializer.Serialize(e, RunFormat.Json)));
        return folder;
    }

    private RunBuilder Add(string id, QuestionKind kind, string truth, int resolvesOn, string[] aliases, double? crowd)
    {
        _questions.Add(new Question
        {
            Id = new QuestionId(id),
            Title = $"Question {id}?",
            Kind = kind,
            AnswerType = kind == QuestionKind.Binary ? "binary" : "Name",
            OpensAt = SimulatedTime.StartOf(Start),
            ResolutionDate = Day(resolvesOn),
            Resolution = new QuestionResolution { Answer = truth, Aliases = [.. aliases] },
            Crowd = crowd is { } p ? new CrowdForecast(SimulatedTime.StartOf(Start), p) : null,
            QuestionSet = "test-set",
        });
        return this;
    }
}
