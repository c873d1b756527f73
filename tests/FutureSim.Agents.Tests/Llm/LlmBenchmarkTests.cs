using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.Bench;
using FutureSim.TestKit;

namespace FutureSim.Agents.Tests.Llm;

public sealed class LlmBenchmarkTests
{
    [Fact]
    public async Task TheBenchmarkRunsEveryAgentEveryDayAndReportsAgainstTheIdeal()
    {
        var options = new LlmBenchmarkOptions { Agents = 3, Days = 2, Latency = TimeSpan.FromMilliseconds(20), WarmUp = false };

        var report = await LlmBenchmark.RunAsync(options, new InMemoryCorpus(LlmRuns.Articles), LlmRuns.Questions, CancellationToken.None);

        Assert.Equal(3 * 2 * ScriptedForecaster.CallsPerDay, report.ModelCalls);
        Assert.Equal(2 * ScriptedForecaster.CallsPerDay, report.SequentialModelCalls);
        Assert.Equal(0, report.AgentFailures);
        Assert.Equal(TimeSpan.FromMilliseconds(20 * 8), report.IdealWallTime);
        Assert.True(report.WallTime >= report.IdealWallTime);
        Assert.True(report.ToolCalls >= 3 * 2 * 5);
        Assert.True(report.ToolCallP50 > TimeSpan.Zero);
        Assert.Contains("3 llm agents x 2 days", report.ToString());
    }
}
