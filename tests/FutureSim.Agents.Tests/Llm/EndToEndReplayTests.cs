using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Runs;

namespace FutureSim.Agents.Tests.Llm;

public sealed class EndToEndReplayTests
{
    [Fact]
    public async Task ARunOfTwoLlmAgentsReplaysFromItsRecordingWithTheServerStoppedToIdenticalEventsAndUsage()
    {
        using var temp = new TempDirectory();
        AgentSpec[] specs =
        [
            LlmRuns.Spec("alpha", null, "model-a", ("MaxRetries", "2"), ("PriceInputPerMTok", "2.5"), ("PriceOutputPerMTok", "10")),
            LlmRuns.Spec("beta", null, "model-b", ("MaxRetries", "2"), ("PriceInputPerMTok", "0.15"), ("PriceOutputPerMTok", "0.6")),
        ];
        var faults = new Faults();
        RunFolder original;
        int served;
        await using (var server = ChatCompletionServer.Start(faults.Respond))
        {
            specs = [.. specs.Select(s => s with { Settings = s.Settings.SetItem("Endpoint", server.Endpoint.ToString()) })];
            using var factory = new LlmAgentFactory(_ => null);
            original = await LlmRuns.RunAsync(temp.Sub("original"), factory, specs, "2026-01-01", "2026-01-04");
            served = server.Requests.Count;
        }

        var events = LlmRuns.Events(original);
        var failure = Assert.Single(events.OfType<AgentFailed>());
        Assert.Equal(("alpha", "endpoint", TestKit.TestData.Day("2026-01-03")), (failure.Agent, failure.Kind, failure.Day));
        Assert.Contains("failed after 3 attempts: HTTP 503", failure.Message);
        Assert.Contains(events.OfType<ForecastSubmitted>(), e => e.Agent == "alpha");
        Assert.Contains(events.OfType<ForecastSubmitted>(), e => e.Agent == "beta");
        Assert.Contains(events.OfType<NotesSaved>(), e => e.Agent == "beta");
        Assert.Contains(events.OfType<QuestionResolved>(), e => e.QuestionId.Value == "q1");
        Assert.True(faults.Injected >= 5, $"only {faults.Injected} faults were injected");
        Assert.Contains("Error: the arguments of search_news are not valid JSON", File.ReadAllText(LlmRuns.AgentFile(original, "beta", LlmAgentFactory.RecordingFileName)));

        // The replay: a new run folder, no server, the recording of the original run.
        using var replayFactory = new LlmAgentFactory(_ => throw new InvalidOperationException("A replay must not need an API key."));
        var replay = await LlmRuns.RunAsync(temp.Sub("replay"), replayFactory, specs, "2026-01-01", "2026-01-04", replayFrom: original.Root);

        Assert.Equal(File.ReadAllBytes(original.EventsPath), File.ReadAllBytes(replay.EventsPath));
        foreach (var agent in new[] { "alpha", "beta" })
        {
            Assert.Equal(File.ReadAllBytes(LlmRuns.AgentFile(original, agent, "usage.csv")), File.ReadAllBytes(LlmRuns.AgentFile(replay, agent, "usage.csv")));
            Assert.Equal(
                File.ReadAllBytes(LlmRuns.AgentFile(original, agent, LlmAgentFactory.RecordingFileName)),
                File.ReadAllBytes(LlmRuns.AgentFile(replay, agent, LlmAgentFactory.RecordingFileName)));
        }

        var usage = ModelUsageFile.ReadRun(original.Root);
        Assert.Equal(["alpha", "beta"], usage.Keys);
        Assert.Equal(4, usage["beta"].Length);
        Assert.Equal(0, usage["alpha"].Single(r => r.Day == TestKit.TestData.Day("2026-01-03")).Calls);
        Assert.True(usage["alpha"].Sum(r => r.Cost) > 0);
        Assert.True(served > usage.Values.Sum(rows => rows.Sum(r => r.Calls)), "retried requests reach the server but are not counted as answered calls");
    }

    [Fact]
    public async Task AReplayThatDivergesFromItsRecordingFailsTheAgentsDayWithAClearMessage()
    {
        using var temp = new TempDirectory();
        RunFolder original;
        await using (var server = ChatCompletionServer.Start(ScriptedForecaster.Respond))
        {
            using var factory = new LlmAgentFactory(_ => null);
            original = await LlmRuns.RunAsync(temp.Sub("original"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "m")], "2026-01-01", "2026-01-02");
        }

        using var replayFactory = new LlmAgentFactory(_ => null);
        var changed = LlmRuns.Spec("gpt", null, "m", ("Temperature", "0.9"));
        var replay = await LlmRuns.RunAsync(temp.Sub("replay"), replayFactory, [changed], "2026-01-01", "2026-01-02", replayFrom: original.Root);

        var failures = LlmRuns.Events(replay).OfType<AgentFailed>().ToArray();
        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.Equal("exception", f.Kind));
        Assert.StartsWith("ReplayMismatchException: The recording", failures[0].Message);
        Assert.Contains("diverged from the recorded run", failures[0].Message);
    }

    /// <summary>The scripted forecaster with faults: alpha's endpoint is down on day 3 and drops a connection on day 2; beta meets a 500, a 429 and its own malformed arguments.</summary>
    private sealed class Faults
    {
        private readonly HashSet<string> done = [];
        private int injected;

        public int Injected => Volatile.Read(ref injected);

        public ServerReply Respond(ServedRequest request)
        {
            var day = ScriptedForecaster.DayOf(request);
            var messages = request.Json.GetProperty("messages").GetArrayLength();
            var fault = (request.Model, day) switch
            {
                ("model-a", "2026-01-03") => ServerReply.Error(503, "overloaded"),
                ("model-a", "2026-01-02") when Once("drop") => ServerReply.DropConnection(),
                ("model-b", "2026-01-02") when Once("500") => ServerReply.Error(500, "boom"),
                ("model-b", "2026-01-03") when messages > 20 && Once("429") => ServerReply.Error(429, "slow down", KeyValuePair.Create("retry-after-ms", "20")),
                _ => null,
            };
            if (fault is not null)
            {
                Interlocked.Increment(ref injected);
                return fault;
            }

            if (request.Model == "model-b" && day == "2026-01-04" && Once("malformed"))
            {
                var reply = ScriptedForecaster.Respond(request);
                return reply with { Body = reply.Body.Replace("""{\"query\":""", """{oops \"query\":""", StringComparison.Ordinal) };
            }

            return ScriptedForecaster.Respond(request);
        }

        private bool Once(string what)
        {
            lock (done)
            {
                return done.Add(what);
            }
        }
    }
}
