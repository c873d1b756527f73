using System.Collections.Concurrent;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Simulation;

public sealed class SimulationRunnerTests
{
    private static RunHarness Harness() => new(
        [Article("a1", "2025-01-01", "Election called"), Article("a2", "2025-01-02", "Candidate Alice leads"), Article("a3", "2025-01-04", "Alice wins")],
        [FreeForm("q1", "2025-01-01", "2025-01-03", "Alice"), Binary("b1", "2025-01-01", "2025-01-05", yes: true), FreeForm("q2", "2025-01-03", "2025-01-05", "Bob")],
        "2025-01-01",
        "2025-01-05");

    [Fact]
    public async Task QuestionsResolveBeforeAgentsActOnTheirResolutionDay()
    {
        using var harness = Harness();
        var results = new ConcurrentDictionary<DateOnly, SubmissionResult>();
        var agent = new DelegateAgent(tools => results[tools.Today] = tools.SubmitForecasts("q1", new Dictionary<string, double> { ["Alice"] = 0.7 }));

        var events = RunHarness.Events(await harness.RunAsync("r", ("a", agent)));

        Assert.True(results[Day("2025-01-02")].Accepted);
        Assert.False(results[Day("2025-01-03")].Accepted);
        Assert.Contains("already resolved", results[Day("2025-01-03")].Message);
        var resolved = Array.FindIndex([.. events], e => e is QuestionResolved { QuestionId.Value: "q1" });
        var firstActOnDay3 = Array.FindIndex([.. events], e => e is ToolCalled t && t.Day == Day("2025-01-03"));
        Assert.True(resolved >= 0 && resolved < firstActOnDay3);
    }

    [Fact]
    public async Task TheLatestForecastBeforeResolutionIsTheOneScored()
    {
        using var harness = Harness();
        var agent = new DelegateAgent(tools =>
        {
            if (tools.Today == Day("2025-01-01"))
            {
                tools.SubmitForecasts("q1", new Dictionary<string, double> { ["Bob"] = 0.9 });
                tools.SubmitForecasts("q1", new Dictionary<string, double> { ["Alice"] = 0.2 });
            }
            else if (tools.Today == Day("2025-01-02"))
            {
                Assert.Equal(0.2, tools.ListQuestions().Open.Single(q => q.Id == "q1").MyForecast!["Alice"]);
                tools.SubmitForecasts("q1", new Dictionary<string, double> { ["alice"] = 0.6 });
            }
            else if (tools.Today == Day("2025-01-03"))
            {
                var resolved = Assert.Single(tools.Briefing.ResolvedSince);
                Assert.Equal("Alice", resolved.Truth);
                Assert.Equal(0.6, resolved.MyForecast!["alice"]);
                Assert.Equal(1 - 0.16, resolved.Score.Value, 12);
            }
        });

        var events = RunHarness.Events(await harness.RunAsync("r", ("a", agent)));
        Assert.Equal(3, events.OfType<ForecastSubmitted>().Count());
        Assert.Empty(events.OfType<AgentFailed>());
    }

    [Theory]
    [InlineData("nope", "Unknown question id")]
    [InlineData("q2", "Unknown question id")] // opens on 2025-01-03: looks exactly like an unknown id
    [InlineData("b1", "binary")]
    public async Task ForecastsOnUnknownUnopenedOrMalformedQuestionsAreRefusedWithAClearMessage(string id, string expected)
    {
        using var harness = Harness();
        string? message = null;
        var agent = new DelegateAgent(tools =>
        {
            if (tools.Today == Day("2025-01-02"))
            {
                message = tools.SubmitForecasts(id, new Dictionary<string, double> { ["Maybe"] = 0.5 }).Message;
            }
        });

        var events = RunHarness.Events(await harness.RunAsync("r", ("a", agent)));
        Assert.Contains(expected, message);
        Assert.Single(events.OfType<ForecastRefused>());
        Assert.Empty(events.OfType<ForecastSubmitted>());
    }

    [Theory]
    [InlineData(1.2, "between 0 and 1")]
    [InlineData(double.NaN, "between 0 and 1")]
    [InlineData(0.6, "sum to")]
    public async Task DistributionsThatAreNotProbabilitiesAreRefused(double p, string expected)
    {
        using var harness = Harness();
        string? message = null;
        var agent = new DelegateAgent(tools =>
            message ??= tools.SubmitForecasts("q1", new Dictionary<string, double> { ["Alice"] = p, ["Bob"] = 0.5 }).Message);
        await harness.RunAsync("r", ("a", agent));
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task AFailingAgentDoesNotStopTheRun()
    {
        using var harness = Harness();
        var failing = new DelegateAgent(_ => throw new InvalidOperationException("boom"));
        var steady = new DelegateAgent(tools => tools.ListQuestions());

        var events = RunHarness.Events(await harness.RunAsync("r", ("failing", failing), ("steady", steady)));

        var failures = events.OfType<AgentFailed>().ToArray();
        Assert.Equal(5, failures.Length);
        Assert.All(failures, f => Assert.Equal(("failing", "exception", "InvalidOperationException: boom"), (f.Agent, f.Kind, f.Message)));
        Assert.Equal(5, events.OfType<ToolCalled>().Count(t => t.Agent == "steady"));
        Assert.IsType<RunCompleted>(events[^1]);
    }

    [Fact]
    public async Task AHangingAgentIsRecordedAsATimeoutAndItsToolsCloseWhileTheRunGoesOn()
    {
        using var harness = Harness();
        IForecastingTools? leaked = null;
        var hanging = new DelegateAgent(async (tools, _) =>
        {
            leaked = tools;
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None); // ignores its token on purpose
        });
        var folder = harness.Create("r", ["hanging"], s => s with { AgentDayTimeout = TimeSpan.FromMilliseconds(150), End = Day("2025-01-02") });

        await harness.ResumeAsync(folder, [("hanging", hanging)]);

        var failures = RunHarness.Events(folder).OfType<AgentFailed>().ToArray();
        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.Equal("timeout", f.Kind));
        // Under load the hanging agent's day can time out before its body has begun; it begins all the same.
        Assert.True(SpinWait.SpinUntil(() => leaked is not null, TimeSpan.FromSeconds(30)));
        Assert.Throws<DayClosedException>(() => leaked!.ListQuestions());
    }

    [Fact]
    public async Task AKilledRunResumesToExactlyTheResultOfAnUninterruptedRun()
    {
        using var harness = Harness();
        static DelegateAgent Agent() => new(tools =>
        {
            var hits = tools.SearchNews("Alice", 3);
            tools.WriteNotes(tools.ReadNotes() + $"{tools.Today}: {hits.Hits.Length} hits\n");
            foreach (var q in tools.ListQuestions().Open)
            {
                tools.SubmitForecasts(q.Id, new Dictionary<string, double> { [q.Kind == "binary" ? "Yes" : "Alice"] = 0.1 * tools.Today.Day });
            }
        });

        var whole = await harness.RunAsync("whole", ("a", Agent()), ("b", Agent()));

        var killed = harness.Create("killed", ["a", "b"]);
        using (var kill = new CancellationTokenSource())
        {
            var progress = new SynchronousProgress(report =>
            {
                if (report.DayNumber == 3)
                {
                    kill.Cancel();
                }
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.ResumeAsync(killed, [("a", Agent()), ("b", Agent())], progress, kill.Token));
        }

        File.AppendAllText(killed.EventsPath, "{\"v\":1,\"type\":\"day_started\",\"day\":\"2025-01-0"); // a line cut off by the kill
        await harness.ResumeAsync(killed, [("a", Agent()), ("b", Agent())]);

        Assert.Equal(File.ReadAllBytes(whole.EventsPath), File.ReadAllBytes(killed.EventsPath));
        Assert.Equal(RunStatus.Completed, killed.ReadManifest().Status);
    }

    private sealed class SynchronousProgress(Action<Core.Simulation.DayReport> report) : IProgress<Core.Simulation.DayReport>
    {
        public void Report(Core.Simulation.DayReport value)
        {
            report(value);
            // Cancellation is observed by the next day's first await.
        }
    }
}
