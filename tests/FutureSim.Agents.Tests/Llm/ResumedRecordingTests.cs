using FutureSim.Agents.Frameworks;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.TestKit;

namespace FutureSim.Agents.Tests.Llm;

public sealed class ResumedRecordingTests
{
    /// <summary>
    /// A kill in the middle of a day leaves that day's model calls (and usage) recorded although the day is not in the
    /// event log. Resume drops them, so the day is recorded once: the resumed run's recording and usage equal an
    /// uninterrupted run's, and its replay follows it to the end — for every kind that talks to a chat model.
    /// </summary>
    [Theory]
    [InlineData(LlmAgentFactory.KindName)]
    [InlineData(FrameworkAgentFactory.SemanticKernelKind)]
    [InlineData(FrameworkAgentFactory.AgentFrameworkKind)]
    public async Task AResumedRunRecordsTheKilledDayOnceAndItsReplayMatchesAnUninterruptedRun(string kind)
    {
        using var temp = new TempDirectory();
        using var kill = new CancellationTokenSource();
        var armed = 0;
        var secondDayCalls = 0;
        await using var server = ChatCompletionServer.Start(request =>
        {
            // Kill the run once, during the agent's third model call of its second day (which is never answered).
            if (Volatile.Read(ref armed) == 0 && ScriptedForecaster.DayOf(request) == "2026-01-02" && Interlocked.Increment(ref secondDayCalls) == 3)
            {
                kill.Cancel();
                return ScriptedForecaster.Respond(request).After(TimeSpan.FromMinutes(1));
            }

            return ScriptedForecaster.Respond(request);
        });
        var factory = Factory(kind);
        using var ownsFactory = (IDisposable)factory;
        AgentSpec[] specs = [LlmRuns.Spec(kind, "gpt", server.Endpoint, "m")];
        Interlocked.Exchange(ref armed, 1);
        var whole = await LlmRuns.RunAsync(temp.Sub("whole"), factory, specs, "2026-01-01", "2026-01-03");
        Interlocked.Exchange(ref armed, 0);

        var manifest = TestData.Manifest("killed", "2026-01-01", "2026-01-03") with { Agents = [.. specs] };
        manifest = manifest with { Simulation = manifest.Simulation with { AgentDayTimeout = TimeSpan.FromSeconds(20) } };
        var killed = RunFolder.Create(temp.Sub("killed"), manifest, LlmRuns.Questions);
        var runner = new SimulationRunner(new InMemoryCorpus(LlmRuns.Articles), NormalisingAnswerMatcher.Instance, TimeProvider.System);
        var first = new AgentRegistration(specs[0], factory.Create(specs[0], LlmRuns.Environment(killed, "gpt")));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(killed, [first], null, kill.Token));
        Assert.Contains("\"day\":\"2026-01-02\"", File.ReadAllText(LlmRuns.AgentFile(killed, "gpt", LlmAgentFactory.RecordingFileName)));
        // The killed agent has let go of its files once it has saved the usage of its cut-off day.
        await WaitForAsync(() => File.ReadAllText(LlmRuns.AgentFile(killed, "gpt", ModelUsageFile.FileName)).Contains("2026-01-02", StringComparison.Ordinal));

        var second = new AgentRegistration(specs[0], factory.Create(specs[0], LlmRuns.Environment(killed, "gpt")));
        await runner.RunAsync(killed, [second], null, CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(whole.EventsPath), File.ReadAllBytes(killed.EventsPath));
        foreach (var file in new[] { LlmAgentFactory.RecordingFileName, ModelUsageFile.FileName })
        {
            Assert.Equal(File.ReadAllText(LlmRuns.AgentFile(whole, "gpt", file)), File.ReadAllText(LlmRuns.AgentFile(killed, "gpt", file)));
        }

        var replayFactory = Factory(kind);
        using var ownsReplayFactory = (IDisposable)replayFactory;
        var replay = await LlmRuns.RunAsync(temp.Sub("replay"), replayFactory, specs, "2026-01-01", "2026-01-03", replayFrom: killed.Root);
        Assert.Empty(LlmRuns.Events(replay).OfType<AgentFailed>());
        Assert.Equal(File.ReadAllBytes(whole.EventsPath), File.ReadAllBytes(replay.EventsPath));
    }

    private static IAgentFactory Factory(string kind) =>
        kind == LlmAgentFactory.KindName ? new LlmAgentFactory(_ => null) : new FrameworkAgentFactory(_ => null);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "the condition did not come true within 10 s");
            await Task.Delay(20);
        }
    }
}
