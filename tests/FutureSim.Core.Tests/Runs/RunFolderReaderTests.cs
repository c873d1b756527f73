using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Runs;

public sealed class RunFolderReaderTests
{
    private static string EventsOf(string folder) => Path.Combine(folder, RunFolderLayout.Events);

    [Fact]
    public void AFolderReadsBackAsTheRunThatWroteIt()
    {
        var run = Scenario.TwoAgents();
        var record = RunFolderReader.Read(run.WriteFolder());

        Assert.Equal(run.Manifest.RunId, record.Manifest.RunId);
        Assert.Equal(run.Questions.Select(q => q.Id), record.Questions.Select(q => q.Id));
        Assert.Equal(run.Events().Count(e => e is not ToolCalled), record.Events.Length); // tool calls are checked, not kept
        Assert.Equal(Enumerable.Range(0, 4).Select(RunBuilder.Day), record.Days);
        Assert.True(record.IsComplete);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void ReadInFullAFolderKeepsEveryToolCallInLogOrder()
    {
        var run = Scenario.TwoAgents();
        var record = RunFolderReader.Read(run.WriteFolder(), keepToolCalls: true);

        Assert.Equal(run.Events().Count(), record.Events.Length);
        Assert.Equal(
            run.Events().OfType<ToolCalled>().Select(c => (c.Day, c.Agent, c.Seq, c.Tool)),
            record.Events.OfType<ToolCalled>().Select(c => (c.Day, c.Agent, c.Seq, c.Tool)));
        Assert.NotEmpty(record.Events.OfType<ToolCalled>());
    }

    [Fact]
    public void AToolCallOfAnAgentTheRunDoesNotDefineIsAnErrorNamingTheLine()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var lines = File.ReadAllLines(EventsOf(folder)).ToList();
        var at = lines.FindIndex(l => l.Contains("\"type\":\"day_completed\"", StringComparison.Ordinal));
        lines.Insert(at, "{\"type\":\"tool_call\",\"v\":1,\"day\":\"" + lines[at][(lines[at].IndexOf("\"day\":\"", StringComparison.Ordinal) + 7)..(lines[at].IndexOf("\"day\":\"", StringComparison.Ordinal) + 17)]
            + "\",\"agent\":\"intruder\",\"seq\":1,\"tool\":\"search_news\",\"arguments\":{},\"error\":null,\"article_ids\":[],\"visible_at\":[],\"notices\":[]}");
        File.WriteAllLines(EventsOf(folder), lines);

        var error = Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder));
        Assert.Equal((EventsOf(folder), (long)at + 1), (error.Error.File, error.Error.Line));
        Assert.Contains("intruder", error.Message);
    }

    [Fact]
    public void AMissingEventLogIsAnErrorNamingTheFile()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        File.Delete(EventsOf(folder));

        var error = Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder));
        Assert.Equal(EventsOf(folder), error.Error.File);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void AMalformedEventLineIsAnErrorNamingTheFileAndLine()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var lines = File.ReadAllLines(EventsOf(folder));
        lines[2] = "{\"type\":\"forecast\",\"v\":1,";
        File.WriteAllLines(EventsOf(folder), lines);

        var error = Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder));
        Assert.StartsWith($"{EventsOf(folder)}:3:", error.Message);
    }

    [Fact]
    public void AnUnknownEventTypeIsAnErrorNamingTheLine()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var lines = File.ReadAllLines(EventsOf(folder)).ToList();
        lines.Insert(1, "{\"v\":1,\"day\":\"2026-01-01\",\"type\":\"teleport\"}");
        File.WriteAllLines(EventsOf(folder), lines);

        Assert.StartsWith($"{EventsOf(folder)}:2:", Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder)).Message);
    }

    [Fact]
    public void AnUnknownManifestFormatVersionIsAClearError()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var manifest = Path.Combine(folder, RunFolderLayout.Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"format_version\": 1", "\"format_version\": 7", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder));
        Assert.Equal(manifest, error.Error.File);
        Assert.Contains("format_version 7 is unknown", error.Message);
    }

    [Fact]
    public void AnEventOfANewerFormatVersionIsAnError()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var lines = File.ReadAllLines(EventsOf(folder));
        lines[0] = lines[0].Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal);
        File.WriteAllLines(EventsOf(folder), lines);

        Assert.Contains(":1: event format version 2", Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder)).Message);
    }

    [Fact]
    public void AForecastForAQuestionTheFolderDoesNotDefineIsAnErrorNamingTheLine()
    {
        var folder = Scenario.TwoAgents().Forecast("alpha", "NOPE", 1, ("x", 0.5)).WriteFolder();
        var line = Array.FindIndex(File.ReadAllLines(EventsOf(folder)), l => l.Contains("NOPE", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder));
        Assert.Equal(line, error.Error.Line);
        Assert.Contains("'NOPE'", error.Message);
    }

    [Fact]
    public void AForecastByAnAgentTheManifestDoesNotListIsAnError() =>
        Assert.Contains(
            "agent 'gamma' is not listed",
            Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(Scenario.TwoAgents().Forecast("gamma", "F1", 1, ("x", 0.5)).WriteFolder())).Message);

    [Fact]
    public void AProbabilityOutsideZeroToOneIsAnError() =>
        Assert.Contains(
            "expected a number in [0, 1]",
            Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(Scenario.TwoAgents().Forecast("alpha", "F1", 1, ("x", 1.5)).WriteFolder())).Message);

    [Fact]
    public void ACutOffLastLineIsReportedAndIgnored()
    {
        var run = Scenario.TwoAgents();
        run.Complete = false;
        var folder = run.WriteFolder();
        File.AppendAllText(EventsOf(folder), "{\"v\":1,\"day\":\"2026-01-05\",\"type\":\"day_sta");

        var record = RunFolderReader.Read(folder);

        var warning = Assert.Single(record.Warnings);
        Assert.Equal(run.Events().Count + 1, warning.Line);
        Assert.Contains("no newline", warning.Problem);
        Assert.Equal(4, record.Days.Length);
        Assert.False(record.IsComplete);
    }

    [Fact]
    public void TheEventsOfAnUnfinishedLastDayAreLeftOutWithAWarning()
    {
        var run = Scenario.TwoAgents();
        run.Complete = false;
        var folder = run.WriteFolder();
        File.AppendAllLines(EventsOf(folder), [
            JsonSerializer.Serialize<RunEvent>(new DayStarted { Day = RunBuilder.Day(4), AsOf = default }, RunFormat.Json),
            JsonSerializer.Serialize<RunEvent>(new ForecastSubmitted { Day = RunBuilder.Day(4), Agent = "beta", QuestionId = new QuestionId("F2"), Outcomes = System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty }, RunFormat.Json),
        ]);

        var record = RunFolderReader.Read(folder);

        Assert.Contains("day 2026-01-05 has no day_completed line", Assert.Single(record.Warnings).Problem);
        Assert.Equal(RunBuilder.Day(3), record.Days[^1]);
        Assert.DoesNotContain(record.Events, e => e.Day == RunBuilder.Day(4));
    }

    [Fact]
    public void ADayRerunAfterAResumeReplacesItsUnfinishedFirstAttempt()
    {
        var run = new RunBuilder(days: 1).Agent("alpha").FreeForm("F", "Paris", 3);
        var events = run.Events();
        events.InsertRange(0, [
            new DayStarted { Day = RunBuilder.Day(0), AsOf = default },
            new ForecastSubmitted { Day = RunBuilder.Day(0), Agent = "alpha", QuestionId = new QuestionId("F"), Outcomes = System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty },
        ]);

        var record = RunRecord.Create(run.Manifest, run.Questions, events);

        Assert.Single(record.Warnings);
        Assert.DoesNotContain(record.Events, e => e is ForecastSubmitted);
        Assert.Equal(RunBuilder.Day(0), Assert.Single(record.Days));
    }

    [Fact]
    public void DaysThatGoBackwardsAreAnError()
    {
        var run = new RunBuilder(days: 2).Agent("alpha");
        var events = run.Events();
        events.Insert(events.Count - 1, new DayStarted { Day = RunBuilder.Day(0), AsOf = default });

        Assert.Contains("days must move forward", Assert.Throws<InvalidInputException>(() => RunRecord.Create(run.Manifest, run.Questions, events)).Message);
    }

    [Fact]
    public void AResolutionThatContradictsTheQuestionsFileIsAnError()
    {
        var run = new RunBuilder(days: 2).Agent("alpha").FreeForm("F", "Paris", 1);
        var events = run.Events().Select(e => e is QuestionResolved r ? r with { Answer = "Rome" } : e);

        Assert.Contains("resolved to 'Rome'", Assert.Throws<InvalidInputException>(() => RunRecord.Create(run.Manifest, run.Questions, events)).Message);
    }

    [Fact]
    public void ABinaryQuestionThatResolvesToNeitherYesNorNoIsAnErrorNamingItsLine()
    {
        var folder = Scenario.TwoAgents().WriteFolder();
        var questions = Path.Combine(folder, RunFolderLayout.Questions);
        var lines = File.ReadAllLines(questions);
        lines[3] = lines[3].Replace("\"answer\":\"No\"", "\"answer\":\"Maybe\"", StringComparison.Ordinal);
        File.WriteAllLines(questions, lines);

        Assert.StartsWith($"{questions}:4:", Assert.Throws<InvalidInputException>(() => RunFolderReader.Read(folder)).Message);
    }
}
