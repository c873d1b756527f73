using FutureSim.Agents.Frameworks;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Agents.Tests.Llm;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Tests.Frameworks;

public sealed class FrameworkAgentTests
{
    [Theory]
    [InlineData(FrameworkAgentFactory.SemanticKernelKind)]
    [InlineData(FrameworkAgentFactory.AgentFrameworkKind)]
    public async Task AFrameworkAgentForecastsOverSeveralDaysScoresAndItsReplayNeedsNoServer(string kind)
    {
        using var temp = new TempDirectory();
        AgentSpec[] specs = [LlmRuns.Spec(kind, "fw", null, "model-a", ("PriceInputPerMTok", "2"), ("PriceOutputPerMTok", "8"))];
        RunFolder original;
        await using (var server = ChatCompletionServer.Start(ScriptedForecaster.Respond))
        {
            specs = [.. specs.Select(s => s with { Settings = s.Settings.SetItem("Endpoint", server.Endpoint.ToString()) })];
            using var factory = new FrameworkAgentFactory(_ => null);
            original = await LlmRuns.RunAsync(temp.Sub("original"), factory, specs, "2026-01-01", "2026-01-04");
            Assert.Equal(4 * ScriptedForecaster.CallsPerDay, server.Requests.Count);
            Assert.All(server.Requests, r => Assert.Null(ScriptedForecaster.ProtocolError([.. r.Json.GetProperty("messages").EnumerateArray()])));
        }

        var events = LlmRuns.Events(original);
        Assert.DoesNotContain(events, e => e is AgentFailed);
        Assert.Equal(
            [ToolNames.SearchNews, ToolNames.ListQuestions, ToolNames.GetArticle, ToolNames.SubmitForecasts, ToolNames.SubmitForecasts, ToolNames.SubmitForecasts, ToolNames.WriteNotes],
            events.OfType<ToolCalled>().Where(e => e.Day == TestKit.TestData.Day("2026-01-01")).Select(e => e.Tool));
        Assert.Contains(events, e => e is QuestionResolved { QuestionId.Value: "q1" });
        var scores = await RunScorer.ScoreAsync(RunFolderReader.Read(original.Root), NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None);
        var q1 = scores.Agents.Single().Questions.Single(q => q.QuestionId.Value == "q1");
        Assert.True(q1.Skill > 0.9, $"q1 scored {q1.Skill}");
        Assert.True(ModelUsageFile.Read(LlmRuns.AgentFile(original, "fw", ModelUsageFile.FileName)).Sum(u => u.Cost) > 0);

        // The server is gone: the recording answers every model call.
        using var replayFactory = new FrameworkAgentFactory(_ => throw new InvalidOperationException("A replay must not need an API key."));
        var replay = await LlmRuns.RunAsync(temp.Sub("replay"), replayFactory, specs, "2026-01-01", "2026-01-04", replayFrom: original.Root);

        Assert.Equal(File.ReadAllBytes(original.EventsPath), File.ReadAllBytes(replay.EventsPath));
        foreach (var file in new[] { ModelUsageFile.FileName, LlmAgentFactory.RecordingFileName })
        {
            Assert.Equal(File.ReadAllBytes(LlmRuns.AgentFile(original, "fw", file)), File.ReadAllBytes(LlmRuns.AgentFile(replay, "fw", file)));
        }
    }

    [Fact]
    public async Task AResumedAgentFrameworkRunContinuesItsSessionAndEndsAsAnUninterruptedOne()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        using var factory = new FrameworkAgentFactory(_ => null);
        AgentSpec[] specs = [LlmRuns.Spec(FrameworkAgentFactory.AgentFrameworkKind, "af", server.Endpoint, "m")];
        var uninterrupted = await LlmRuns.RunAsync(temp.Sub("whole"), factory, specs, "2026-01-01", "2026-01-03");
        var served = server.Requests.Count;

        var manifest = TestKit.TestData.Manifest("resumed", "2026-01-01", "2026-01-03") with { Agents = [.. specs] };
        var folder = RunFolder.Create(temp.Sub("resumed"), manifest, LlmRuns.Questions);
        var runner = new SimulationRunner(new TestKit.InMemoryCorpus(LlmRuns.Articles), NormalisingAnswerMatcher.Instance, TimeProvider.System);
        using (var stop = new CancellationTokenSource())
        {
            var first = new AgentRegistration(specs[0], factory.Create(specs[0], LlmRuns.Environment(folder, "af")));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(folder, [first], new StopAfterFirstDay(stop), stop.Token));
        }

        var second = new AgentRegistration(specs[0], factory.Create(specs[0], LlmRuns.Environment(folder, "af")));
        await runner.RunAsync(folder, [second], null, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(uninterrupted.EventsPath), File.ReadAllBytes(folder.EventsPath));
        Assert.Equal(
            File.ReadAllBytes(LlmRuns.AgentFile(uninterrupted, "af", ModelUsageFile.FileName)),
            File.ReadAllBytes(LlmRuns.AgentFile(folder, "af", ModelUsageFile.FileName)));

        // Day three carries the whole conversation of days one and two, as in the uninterrupted run.
        var lastWhole = server.Requests[served - 1].Body;
        Assert.Equal(lastWhole, server.Requests[^1].Body);
        Assert.Contains("Today is 2026-01-01", lastWhole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrameworkAgentFactory.SemanticKernelKind)]
    [InlineData(FrameworkAgentFactory.AgentFrameworkKind)]
    public async Task MalformedArgumentsUnknownToolsAndALoopingModelFailNothingButAreRecordedAndEndTheDay(string kind)
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => Calls(request, request.Json.GetProperty("messages").EnumerateArray().Last().GetProperty("role").GetString() == "user"
            ? [new("c1", ToolNames.SubmitForecasts, "{oops"), new("c2", "fly_to_moon", "{}"), new("c3", ToolNames.SubmitForecasts, """{"question_id": "q1", "outcomes": {"Alpha": 1.5}}""")]
            : [new("c4", ToolNames.ListQuestions, "{}")]));
        using var factory = new FrameworkAgentFactory(_ => null);
        AgentSpec[] specs = [LlmRuns.Spec(kind, "fw", server.Endpoint, "m", ("MaxToolCallsPerDay", "5"))];

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, specs, "2026-01-01", "2026-01-02");

        var events = LlmRuns.Events(folder);
        Assert.DoesNotContain(events, e => e is AgentFailed);
        foreach (var day in new[] { "2026-01-01", "2026-01-02" })
        {
            // The call of a tool never offered is recorded when the reply arrives, before the others run.
            var calls = events.OfType<ToolCalled>().Where(e => e.Day == TestKit.TestData.Day(day)).ToArray();
            Assert.Equal("fly_to_moon", calls[0].Tool);
            Assert.StartsWith("Error: there is no tool named 'fly_to_moon'", calls[0].Error);
            Assert.StartsWith("Error: the arguments of submit_forecasts are not valid JSON", calls[1].Error);
            Assert.Equal(ToolNames.SubmitForecasts, calls[2].Tool);
            Assert.StartsWith("The probability of 'Alpha' must be a number between 0 and 1", calls[2].Error);
            Assert.Equal(5, calls.Count(c => c.Tool != "fly_to_moon"));
        }

        Assert.Equal(2, events.OfType<ForecastRefused>().Count());

        // The loop ends with the tool-call limit: at most one more model call answers the unexecuted calls.
        Assert.True(server.Requests.Count <= 2 * 6, $"{server.Requests.Count} model calls");
    }

    [Theory]
    [InlineData(FrameworkAgentFactory.SemanticKernelKind)]
    [InlineData(FrameworkAgentFactory.AgentFrameworkKind)]
    public async Task AnEndpointThatStaysDownFailsOnlyThatDay(string kind)
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => ScriptedForecaster.DayOf(request) == "2026-01-02" ? ServerReply.Error(503, "down") : ScriptedForecaster.Respond(request));
        using var factory = new FrameworkAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec(kind, "fw", server.Endpoint, "m", ("MaxRetries", "1"))], "2026-01-01", "2026-01-03");

        var failure = Assert.Single(LlmRuns.Events(folder).OfType<AgentFailed>());
        Assert.Equal(("endpoint", TestKit.TestData.Day("2026-01-02")), (failure.Kind, failure.Day));
        Assert.Contains(LlmRuns.Events(folder), e => e is ForecastSubmitted f && f.Day == TestKit.TestData.Day("2026-01-03"));
    }

    [Fact]
    public void BadSettingsAreReportedTogetherBeforeTheRun()
    {
        using var factory = new FrameworkAgentFactory(_ => null);
        var spec = LlmRuns.Spec(FrameworkAgentFactory.SemanticKernelKind, "sk", null, "m", ("PromptTemplate", "x"), ("PromptTemplateFile", "y"), ("Plugins:0:Assembly", "missing.dll"), ("Plugins:0:Type", "A.B"), ("Colour", "red"));

        var error = Assert.Throws<ArgumentException>(() => factory.Validate(spec));

        Assert.Contains("Set either 'PromptTemplate' or 'PromptTemplateFile'", error.Message);
        Assert.Contains("'Plugins:0': the assembly 'missing.dll' does not exist", error.Message);
        Assert.Contains("'Colour' is not a setting of this kind", error.Message);
        Assert.Throws<ArgumentException>(() => factory.Validate(spec with { Kind = FrameworkAgentFactory.AgentFrameworkKind, Settings = spec.Settings.Remove("Colour").Remove("PromptTemplateFile") }));
    }

    private static ServerReply Calls(ServedRequest request, ScriptedCall[] calls)
    {
        var n = request.Json.GetProperty("messages").GetArrayLength();
        return ServerReply.Json(ChatCompletionJson.ToolCalls($"chatcmpl-{n}", request.Model, 10, 5, calls.Select(c => c with { Id = $"call_{n}_{c.Id}" })));
    }

    private sealed class StopAfterFirstDay(CancellationTokenSource stop) : IProgress<DayReport>
    {
        public void Report(DayReport value) => stop.Cancel();
    }
}
