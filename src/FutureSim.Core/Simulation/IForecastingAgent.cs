using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>
/// A forecaster plugged into the replay. Each simulated day the runner calls <see cref="RunDayAsync"/>
/// once; returning ends the agent's day (FutureSim's <c>next_day</c>). An agent keeps what it must
/// remember across days in its notes or derives it from the tools, so that a resumed run ends exactly
/// as an uninterrupted one. Throwing or running out of time fails only that agent's day.
/// </summary>
public interface IForecastingAgent
{
    Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken);
}
