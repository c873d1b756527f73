using System.Diagnostics;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Simulation;

/// <summary>A breach of the visibility gate is a harness bug: it stops the run at once and marks it failed; it is never an agent's failure.</summary>
public sealed class VisibilityBreachTests
{
    private static RunHarness Harness(LeakMode? leak) => new(
        [Article("a1", "2025-01-01", "Election called"), Article("a9", "2025-01-09", "Election won by Alice")],
        [FreeForm("q1", "2025-01-01", "2025-01-10", "Alice")],
        "2025-01-01",
        "2025-01-05",
        leak);

    /// <summary>An agent that swallows whatever its search throws, and one that waits for the whole day.</summary>
    private static (string, IForecastingAgent)[] Agents() =>
    [
        ("searcher", new DelegateAgent(tools =>
        {
            try
            {
                tools.SearchNews("Election");
            }
            catch (VisibilityBreachException)
            {
                // An agent cannot hide a breach from the harness.
            }
        })),
        ("patient", new DelegateAgent((_, token) => Task.Delay(Timeout.InfiniteTimeSpan, token))),
    ];

    [Theory]
    [InlineData(LeakMode.Return, "a9")]
    [InlineData(LeakMode.Throw, "visible after")]
    public async Task ACorpusThatLeaksAFutureArticleStopsTheRunAtOnceAndMarksItFailed(LeakMode leak, string named)
    {
        using var harness = Harness(leak);
        var folder = harness.Create("r", ["searcher", "patient"], s => s with { AgentDayTimeout = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();

        var breach = await Assert.ThrowsAsync<VisibilityBreachException>(() => harness.ResumeAsync(folder, Agents()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the run went on for {clock.Elapsed} after the breach");
        Assert.Contains(named, breach.Message);
        Assert.Contains("searcher", breach.Message);
        var manifest = folder.ReadManifest();
        Assert.Equal(RunStatus.Failed, manifest.Status);
        Assert.Equal(breach.Message, manifest.Failure);
        Assert.Empty(RunHarness.Events(folder)); // the breached day is never written
    }

    [Fact]
    public async Task AnAgentWhoseOwnArticleTreeMetABreachStopsTheRunInsteadOfFailingItsDay()
    {
        using var harness = Harness(null);
        var tree = new DelegateAgent(tools =>
        {
            if (tools.Today == Day("2025-01-03"))
            {
                throw new VisibilityBreachException("The corpus listed article a9 as arriving by 2025-01-03.");
            }
        });
        var folder = harness.Create("r", ["tree"]);

        await Assert.ThrowsAsync<VisibilityBreachException>(() => harness.ResumeAsync(folder, [("tree", tree)]));

        Assert.Equal(RunStatus.Failed, folder.ReadManifest().Status);
        var events = RunHarness.Events(folder);
        Assert.Empty(events.OfType<AgentFailed>());
        Assert.Equal([Day("2025-01-01"), Day("2025-01-02")], events.OfType<DayCompleted>().Select(d => d.Day));
    }

    [Fact]
    public async Task ToolsOfADayThatHasEndedRefuseWithTheirOwnException()
    {
        using var harness = Harness(null);
        IForecastingTools? kept = null;
        await harness.RunAsync("r", ("a", new DelegateAgent(tools => kept = tools)));

        var closed = Assert.Throws<DayClosedException>(() => kept!.ListQuestions());
        Assert.Contains("has ended", closed.Message);
    }
}
