using FutureSim.Benchmarks.Tools;
using FutureSim.Core.Tools;

namespace FutureSim.Benchmarks.Tests.Tools;

public sealed class ToolCallBenchmarkTests
{
    private static readonly ToolCallBenchmarkOptions Small = new() { Day = BenchWorld.Day, Calls = 200, CallsPerAgent = 100, WarmUpCalls = 20 };

    [Fact]
    public async Task EveryCallGoesThroughTheToolsByNameFindsItsArticleAndIsRecorded()
    {
        var report = await ToolCallBenchmark.RunAsync(new InMemoryCorpus(BenchWorld.Articles), BenchWorld.Questions, Small, CancellationToken.None);

        Assert.Empty(report.Problems);
        Assert.Equal(200, report.Calls);
        Assert.Equal(0, report.ArticleMisses);

        // 200 measured and 20 warm-up calls, plus one search per agent (two measuring agents and the warm-up one).
        Assert.Equal(200 + 20 + 3, report.CallsMade);
        Assert.Equal(report.CallsMade, report.CallsRecorded);
        Assert.Equal(["all calls", ToolNames.GetArticle, ToolNames.ListQuestions, ToolNames.SubmitForecasts], report.Tools.Keys);
        Assert.All(report.Tools.Values, t => Assert.True(t.P50 > 0 && t.P50 <= t.P99));
    }

    [Fact]
    public async Task ArticleLookupsThatMissFailTheCheck()
    {
        var report = await ToolCallBenchmark.RunAsync(
            new BenchWorld.ArticlesGoMissing(new InMemoryCorpus(BenchWorld.Articles)), BenchWorld.Questions, Small, CancellationToken.None);

        Assert.True(report.ArticleMisses > 0);
        Assert.Contains(report.Problems, p => p.Contains("get_article", StringComparison.Ordinal));
    }
}
