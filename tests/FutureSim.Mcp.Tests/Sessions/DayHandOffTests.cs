using FutureSim.Core.Tools;
using FutureSim.Mcp.Sessions;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests.Sessions;

public sealed class DayHandOffTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ACallerBetweenDaysWaitsForTheNextDayAndNextDayEndsTheCurrentOne()
    {
        var handOff = new DayHandOff();
        var waiting = handOff.CurrentAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        var (monday, mondayEnded) = await LendAsync(handOff, "2026-01-05");
        Assert.Same(monday, (await waiting.WaitAsync(Limit))!.Tools);

        var next = handOff.EndDayAndWaitAsync(CancellationToken.None);
        await mondayEnded.WaitAsync(Limit);
        Assert.False(next.IsCompleted);

        var (tuesday, _) = await LendAsync(handOff, "2026-01-06");
        Assert.Same(tuesday, (await next.WaitAsync(Limit))!.Tools);
    }

    [Fact]
    public async Task NextDayBeforeTheFirstDayEndsTheFirstDay()
    {
        var handOff = new DayHandOff();
        var next = handOff.EndDayAndWaitAsync(CancellationToken.None);

        var (_, firstEnded) = await LendAsync(handOff, "2026-01-05");
        await firstEnded.WaitAsync(Limit);
        Assert.False(next.IsCompleted);
        var (second, _) = await LendAsync(handOff, "2026-01-06");

        Assert.Same(second, (await next.WaitAsync(Limit))!.Tools);
    }

    [Fact]
    public async Task CompletionReleasesEveryWaiterWithNoDay()
    {
        var handOff = new DayHandOff();
        var waiting = handOff.EndDayAndWaitAsync(CancellationToken.None);

        handOff.Complete("done");

        Assert.Null(await waiting.WaitAsync(Limit));
        Assert.Null(await handOff.CurrentAsync(CancellationToken.None));
        Assert.Equal("done", handOff.Completion);
    }

    [Fact]
    public async Task ADayThatRunsOutOfTimeIsWithdrawn()
    {
        var handOff = new DayHandOff();
        using var timeUp = new CancellationTokenSource();
        var tools = await DayToolsAsync("2026-01-05");
        var lending = handOff.LendAsync(tools, timeUp.Token);

        await timeUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lending.WaitAsync(Limit));
        Assert.False(handOff.CurrentAsync(CancellationToken.None).IsCompleted);
    }

    /// <summary>Lends a real day's tools (from a one-day run) and returns them with the task that completes when the day is ended.</summary>
    private static async Task<(IForecastingTools Tools, Task Ended)> LendAsync(DayHandOff handOff, string day)
    {
        var tools = await DayToolsAsync(day);
        var lease = handOff.Lend(tools);
        return (tools, lease.Ended);
    }

    private static async Task<IForecastingTools> DayToolsAsync(string day)
    {
        using var harness = new RunHarness(SimulationWorld.Articles, SimulationWorld.Questions, day, day);
        IForecastingTools? captured = null;
        await harness.RunAsync("day", ("agent", new DelegateAgent(t => captured = t)));
        return captured!;
    }
}
