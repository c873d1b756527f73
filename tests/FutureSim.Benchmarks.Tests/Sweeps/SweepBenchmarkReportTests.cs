using FutureSim.Benchmarks.Sweeps;

namespace FutureSim.Benchmarks.Tests.Sweeps;

public sealed class SweepBenchmarkReportTests
{
    [Fact]
    public void MediansAreMeasuredRepeatsAndAClusterWithinTwentyPercentWithTheSameBytesPasses()
    {
        var report = new SweepBenchmarkReport(24, 299, 3, [35.6, 30.1, 31.7], [63.3, 37.6, 37.4], []);

        Assert.Equal(31.7, report.LocalMedianSeconds);
        Assert.Equal(37.6, report.ClusterMedianSeconds);
        Assert.Equal(37.6 / 31.7, report.Ratio, 1e-12);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void ASlowerClusterOrADifferingFileFailsTheCheck()
    {
        var slow = new SweepBenchmarkReport(24, 299, 3, [10.0], [12.5], []);
        var differing = new SweepBenchmarkReport(24, 299, 3, [10.0], [10.0], ["bench1/bench1.crowd.20250101-20251026.all/events.jsonl"]);

        Assert.Contains("1.25×", Assert.Single(slow.Problems), StringComparison.Ordinal);
        Assert.Contains("events.jsonl", Assert.Single(differing.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TheGridIsEachQuestionSetAloneAndAllTogetherForEveryAgentAndWindow()
    {
        var options = new SweepBenchmarkOptions { Database = "Host=db", Command = ["futuresim"], QuestionSets = ["a.jsonl", "b.jsonl"] };

        Assert.Equal(["a.jsonl"], options.QuestionChoices[0]);
        Assert.Equal(["a.jsonl", "b.jsonl"], options.QuestionChoices[2]);
        Assert.Equal(24, options.Runs);
        Assert.Null(options.Validate());
        Assert.Contains("--windows", (options with { Windows = 0 }).Validate(), StringComparison.Ordinal);
        Assert.Contains("database", (options with { Database = " " }).Validate(), StringComparison.Ordinal);
    }
}
