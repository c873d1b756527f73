using FutureSim.Cli.Configuration;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Tests.Configuration;

public sealed class SimulationOptionsTests
{
    [Fact]
    public void TheAgentDayTimeoutDefaultsAlikeInConfigurationAndInARunsSettings()
    {
        var settings = new SimulationSettings { Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 1, 2) };

        Assert.Equal(settings.AgentDayTimeout, new SimulationOptions().AgentDayTimeout);
        Assert.Equal(settings with { AgentDayTimeout = TimeSpan.FromMinutes(3) }, new SimulationOptions { Start = settings.Start, End = settings.End, AgentDayTimeout = TimeSpan.FromMinutes(3) }.ToSettings());
    }
}
