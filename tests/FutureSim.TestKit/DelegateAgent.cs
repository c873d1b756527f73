using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.TestKit;

/// <summary>An agent whose day is a callback: the smallest hand-written fake for runner tests.</summary>
public sealed class DelegateAgent(Func<IForecastingTools, CancellationToken, Task> act) : IForecastingAgent
{
    public DelegateAgent(Action<IForecastingTools> act)
        : this((tools, _) =>
        {
            act(tools);
            return Task.CompletedTask;
        })
    {
    }

    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken) => act(tools, cancellationToken);
}
