using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Sessions;

/// <summary>One simulated day lent to an MCP client: the day's tools, its sequence number, and the signal that the client ended it.</summary>
internal sealed class DayLease(IForecastingTools tools, int number)
{
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IForecastingTools Tools { get; } = tools;

    /// <summary>1 for the first day lent through the hand-off, then 2, 3 …</summary>
    public int Number { get; } = number;

    public Task Ended => ended.Task;

    public void End() => ended.TrySetResult();
}
