using FutureSim.Benchmarks.Llm;
using FutureSim.Benchmarks.ChatServer;

namespace FutureSim.Benchmarks.Tests.Llm;

public sealed class LlmBenchmarkTests
{
    [Fact]
    public async Task TheBenchmarkRunsEveryAgentEveryDayAndReportsAgainstTheIdeal()
    {
        var options = new LlmBenchmarkOptions { Agents = 3, Days = 2, Latency = TimeSpan.FromMilliseconds(20), WarmUp = false };

        var report = await LlmBenchmark.RunAsync(options, new InMemoryCorpus(BenchWorld.Articles), BenchWorld.Questions, CancellationToken.None);

        Assert.Equal(3 * 2 * ScriptedForecaster.CallsPerDay, report.ModelCalls);
        Assert.Equal(2 * ScriptedForecaster.CallsPerDay, report.SequentialModelCalls);
        Assert.Equal(0, report.AgentFailures);
        Assert.Equal(TimeSpan.FromMilliseconds(20 * 8), report.IdealWallTime);
        Assert.True(report.WallTime >= report.IdealWallTime);
        Assert.True(report.ToolCalls >= 3 * 2 * 5);
        Assert.True(report.ToolCallP50 > TimeSpan.Zero);
        Assert.Contains("3 llm agents x 2 days", report.ToString());
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task ModelCallsThatTimeOutFailTheCheck()
    {
        var options = new LlmBenchmarkOptions
        {
            Agents = 1, Days = 1, Latency = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 0, WarmUp = false,
        };

        var report = await LlmBenchmark.RunAsync(options, new InMemoryCorpus(BenchWorld.Articles), BenchWorld.Questions, CancellationToken.None);

        Assert.Equal(1, report.AgentFailures);
        Assert.Equal(2, report.Problems.Length);
    }
}
