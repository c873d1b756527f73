using System.Collections.Concurrent;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Benchmarks.Sandbox;

/// <summary>Notes when the runner hands the agent its day, and makes the day last at least <paramref name="dayLength"/>.</summary>
internal sealed class TimedAgent(string name, IForecastingAgent inner, TimeSpan dayLength, ConcurrentDictionary<(string Agent, DateOnly Day), DateTimeOffset> handedOver)
    : IForecastingAgent
{
    public async Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        handedOver[(name, tools.Today)] = TimeProvider.System.GetUtcNow();
        var least = Task.Delay(dayLength, cancellationToken);
        await inner.RunDayAsync(tools, cancellationToken);
        await least;
    }
}
