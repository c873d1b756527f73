using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>
/// Checks a run's events one by one against its manifest and questions and keeps the events of completed
/// days. A day's events are held back until its <c>day_completed</c> line: a day the run never finished
/// (killed, or re-run after a resume) is dropped with a warning, never scored half-done.
/// </summary>
internal sealed class RunEventLog
{
    private readonly string _file;
    private readonly RunManifest _manifest;
    private readonly ImmutableArray<Question> _questions;
    private readonly Dictionary<QuestionId, Question> _byId = [];
    private readonly HashSet<string> _agents;
    private readonly HashSet<QuestionId> _resolved = [];
    private readonly ImmutableArray<RunEvent>.Builder _committed = ImmutableArray.CreateBuilder<RunEvent>();
    private readonly ImmutableArray<DateOnly>.Builder _days = ImmutableArray.CreateBuilder<DateOnly>();
    private readonly List<RunEvent> _openDay = [];
    private readonly List<QuestionId> _openResolutions = [];
    private readonly ImmutableArray<RecordError>.Builder _warnings = ImmutableArray.CreateBuilder<RecordError>();
    private long _completedLength;
    private DateOnly? _open;
    private long _openLine;
    private bool _complete;

    public RunEventLog(string eventsFile, RunManifest manifest, ImmutableArray<Question> questions)
    {
        _file = eventsFile;
        _manifest = manifest;
        _questions = questions;
        _agents = manifest.Agents.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var questionsFile = Path.Combine(Path.GetDirectoryName(eventsFile) ?? "", RunFolderLayout.Questions);
        for (var i = 0; i < questions.Length; i++)
        {
            var problem = Check(questions[i]);
            if (problem is null && !_byId.TryAdd(questions[i].Id, questions[i]))
            {
                problem = $"question id '{questions[i].Id}' appears more than once.";
            }

            if (problem is not null)
            {
                throw new InvalidInputException(new RecordError(questionsFile, i + 1, problem));
            }
        }
    }

    /// <summary>What is wrong with a question for scoring, or null.</summary>
    public static string? Check(Question question) =>
        question.Kind == QuestionKind.Binary && QuestionResolution.BinaryTruth(question.Resolution.Answer) is null
            ? $"binary question '{question.Id}' resolves to '{question.Resolution.Answer}'; expected Yes or No."
            : null;

    /// <summary>Checks and keeps one event; <paramref name="end"/> is the log's length up to and including its line.</summary>
    public void Add(RunEvent runEvent, long line, long end = 0)
    {
        CheckVersion(runEvent.V, line);
        switch (runEvent)
        {
            case DayStarted started:
                StartDay(started, line);
                return;
            case RunCompleted:
                DropOpenDay();
                _complete = true;
                _committed.Add(runEvent);
                _completedLength = end;
                return;
        }

        if (!InOpenDay(runEvent.Day, runEvent.GetType().Name, line))
        {
            return;
        }

        switch (runEvent)
        {
            case DayCompleted:
                _committed.AddRange(_openDay);
                _committed.Add(runEvent);
                _days.Add(runEvent.Day);
                _resolved.UnionWith(_openResolutions);
                _openDay.Clear();
                _openResolutions.Clear();
                _open = null;
                _completedLength = end;
                return;
            case QuestionResolved resolved:
                CheckResolution(resolved, line);
                break;
            case ForecastSubmitted forecast:
                CheckForecast(forecast, line);
                break;
            case ToolCalled call:
                CheckAgent(call.Agent, line);
                break; // kept when read in full (see AddToolCall for the header-only path)
            case ForecastRefused or NotesSaved or AgentFailed:
                CheckAgent(
                    runEvent switch
                    {
                        ForecastRefused refused => refused.Agent,
                        NotesSaved notes => notes.Agent,
                        _ => ((AgentFailed)runEvent).Agent,
                    },
                    line);
                break;
        }

        _openDay.Add(runEvent);
    }

    /// <summary>
    /// Checks a tool call (read from its header only) without keeping it: scoring does not use tool calls,
    /// and they are most of a log's bytes.
    /// </summary>
    public void AddToolCall(int version, DateOnly day, string agent, long line, long end = 0)
    {
        CheckVersion(version, line);
        if (InOpenDay(day, nameof(ToolCalled), line))
        {
            CheckAgent(agent, line);
        }
    }

    public RunRecord ToRecord(
        string source, IEnumerable<RecordError> readWarnings, ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>>? modelUsage = null)
    {
        DropOpenDay();
        _warnings.InsertRange(0, readWarnings);
        return new RunRecord
        {
            Source = source,
            Manifest = _manifest,
            Questions = _questions,
            Events = _committed.ToImmutable(),
            Days = _days.ToImmutable(),
            IsComplete = _complete,
            CompletedLength = _completedLength,
            ModelUsage = modelUsage ?? ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>>.Empty.WithComparers(StringComparer.Ordinal),
            Warnings = _warnings.ToImmutable(),
        };
    }

    private void CheckVersion(int version, long line)
    {
        if (version != RunFormat.Version)
        {
            Fail(line, $"event format version {version} is not supported; this build reads version {RunFormat.Version}.");
        }

        if (_complete)
        {
            Fail(line, "an event follows run_completed.");
        }
    }

    /// <summary>Whether a day is open for an event of <paramref name="day"/>; fails when the event is outside it.</summary>
    private bool InOpenDay(DateOnly day, string eventName, long line)
    {
        if (_open is not { } open)
        {
            Fail(line, $"a {eventName} event is outside any day (no day_started before it).");
            return false;
        }

        if (day != open)
        {
            Fail(line, $"the event is dated {day:yyyy-MM-dd} but the open day is {open:yyyy-MM-dd}.");
        }

        return true;
    }

    private void StartDay(DayStarted started, long line)
    {
        DropOpenDay();
        var day = started.Day;
        if (_days.Count > 0 && day <= _days[^1])
        {
            Fail(line, $"day {day:yyyy-MM-dd} starts after day {_days[^1]:yyyy-MM-dd} was completed; days must move forward.");
        }

        _open = day;
        _openLine = line;
        _openDay.Add(started);
    }

    private void DropOpenDay()
    {
        if (_open is { } open)
        {
            _warnings.Add(new RecordError(
                _file,
                _openLine,
                $"day {open:yyyy-MM-dd} has no day_completed line (the run stopped during it); its {_openDay.Count} events are ignored."));
        }

        _openDay.Clear();
        _openResolutions.Clear();
        _open = null;
    }

    private void CheckResolution(QuestionResolved resolved, long line)
    {
        if (!_byId.TryGetValue(resolved.QuestionId, out var question))
        {
            Fail(line, $"question '{resolved.QuestionId}' resolved, but {RunFolderLayout.Questions} does not define it.");
            return;
        }

        if (_resolved.Contains(resolved.QuestionId) || _openResolutions.Contains(resolved.QuestionId))
        {
            Fail(line, $"question '{resolved.QuestionId}' resolved twice.");
        }

        if (!string.Equals(resolved.Answer, question.Resolution.Answer, StringComparison.Ordinal))
        {
            Fail(line, $"question '{resolved.QuestionId}' resolved to '{resolved.Answer}' but {RunFolderLayout.Questions} gives '{question.Resolution.Answer}'.");
        }

        _openResolutions.Add(resolved.QuestionId);
    }

    private void CheckForecast(ForecastSubmitted forecast, long line)
    {
        CheckAgent(forecast.Agent, line);
        if (!_byId.ContainsKey(forecast.QuestionId))
        {
            Fail(line, $"a forecast for question '{forecast.QuestionId}', which {RunFolderLayout.Questions} does not define.");
        }

        foreach (var (outcome, p) in forecast.Outcomes)
        {
            if (!double.IsFinite(p) || p < 0 || p > 1)
            {
                Fail(line, $"outcome '{outcome}' of the forecast for '{forecast.QuestionId}' has probability {p}; expected a number in [0, 1].");
            }
        }
    }

    private void CheckAgent(string agent, long line)
    {
        if (!_agents.Contains(agent))
        {
            Fail(line, $"agent '{agent}' is not listed in {RunFolderLayout.Manifest}.");
        }
    }

    private void Fail(long line, string problem) => throw new InvalidInputException(new RecordError(_file, line, problem));
}
