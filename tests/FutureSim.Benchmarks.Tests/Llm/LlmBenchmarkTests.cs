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

    [Theory]
    [InlineData(2, 10, 40, 0)] // an article to read every day
    [InlineData(2, 10, 31, 0)] // nothing to read on nine mornings
    [InlineData(2, 10, 29, 1)] // a day cut short
    [InlineData(2, 10, 41, 1)] // a call too many
    public void TheCallCountCheckAllowsThreeOrFourCallsADay(int agents, int days, int sequential, int problems)
    {
        var report = Report(agents, days, modelCalls: agents * sequential, sequential);

        Assert.Equal(problems, report.Problems.Length);
    }

    [Fact]
    public void AnAgentThatMadeFewerCallsThanTheOthersFailsTheCheck()
    {
        var report = Report(agents: 2, days: 10, modelCalls: 79, sequential: 40);

        Assert.Single(report.Problems);
    }

    private static LlmBenchmarkReport Report(int agents, int days, int modelCalls, int sequential) => new(
        "llm", agents, days, TimeSpan.FromMilliseconds(300), modelCalls, sequential, ToolCalls: 100, AgentFailures: 0,
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(0.004), TimeSpan.FromMilliseconds(0.05), TimeSpan.FromMilliseconds(0.1));
}
