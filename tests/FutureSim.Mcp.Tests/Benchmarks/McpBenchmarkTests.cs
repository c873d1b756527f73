using FutureSim.Core.Tools;
using FutureSim.Mcp.Benchmarks;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests.Benchmarks;

public sealed class McpBenchmarkTests
{
    [Fact]
    public async Task ConcurrentClientsEachDriveTheirOwnAgentWithoutErrors()
    {
        var report = await McpBenchmark.RunAsync(
            new InMemoryCorpus(SimulationWorld.Articles),
            SimulationWorld.Questions,
            new McpBenchmarkOptions { Clients = 4, CallsPerClient = 40, WarmUpCallsPerClient = 2, Day = TestData.Day("2026-01-02") },
            CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(160, report.Calls);
        Assert.Equal([ToolNames.SearchNews, ToolNames.SubmitForecasts], report.Tools.Keys);
        Assert.All(report.Tools.Values, t => Assert.True(t.P50 > 0 && t.P50 <= t.P99));
        Assert.Contains("160 measured calls, 0 errors", report.Render());
    }
}
