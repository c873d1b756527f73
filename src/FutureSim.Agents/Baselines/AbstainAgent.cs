using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Baselines;

/// <summary>Never forecasts: the "no prediction" reference every free-form score is compared with (it scores 0).</summary>
internal sealed class AbstainAgent : IForecastingAgent
{
    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken) => Task.CompletedTask;
}
