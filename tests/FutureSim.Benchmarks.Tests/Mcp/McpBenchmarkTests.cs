using FutureSim.Core.Tools;
using FutureSim.Benchmarks.Mcp;

namespace FutureSim.Benchmarks.Tests.Mcp;

public sealed class McpBenchmarkTests
{
    private static readonly McpBenchmarkOptions Small = new() { Clients = 4, CallsPerClient = 40, WarmUpCallsPerClient = 2, Day = BenchWorld.Day };

    [Fact]
    public async Task ConcurrentClientsEachDriveTheirOwnAgentWithoutErrors()
    {
        var report = await McpBenchmark.RunAsync(
            new InMemoryCorpus(BenchWorld.Articles),
            BenchWorld.Questions,
            Small with { TargetP99Milliseconds = 60_000 }, // latency depends on the machine; the test checks the path
            CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(160, report.Calls);
        Assert.Equal([ToolNames.SearchNews, ToolNames.SubmitForecasts], report.Tools.Keys);
        Assert.All(report.Tools.Values, t => Assert.True(t.P50 > 0 && t.P50 <= t.P99));
        Assert.Contains("160 measured calls, 0 errors", report.Render());
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task ALatencyAboveTheTargetFailsTheCheck()
    {
        var report = await McpBenchmark.RunAsync(
            new InMemoryCorpus(BenchWorld.Articles), BenchWorld.Questions, Small with { TargetP99Milliseconds = 0 }, CancellationToken.None);

        Assert.Equal(0, report.Errors);
        Assert.Equal(2, report.Problems.Length);
        Assert.False(report.MeetsTarget);
        Assert.Contains("NOT met", report.Render());
    }
}
