using FsCheck.Xunit;
using FutureSim.Core.Leaderboards;

namespace FutureSim.Core.Tests.Leaderboards;

public sealed class BootstrapTests
{
    private static RatioMetric Mean(double[] values) => new(LeaderboardMetrics.Accuracy, values, [.. values.Select(_ => 1.0)], 1);

    [Property]
    public bool TheIntervalContainsThePointEstimate(int[] raw, int seeds, int seed)
    {
        var s = 1 + Math.Abs(seeds % 4);
        var n = Math.Max(1, (raw?.Length ?? 0) / s);
        var values = Enumerable.Range(0, s * n).Select(i => raw is { Length: > 0 } ? (Math.Abs((long)raw[i % raw.Length]) % 201 - 100) / 100.0 : 0).ToArray();
        var metric = Mean(values);
        var draws = Bootstrap.DrawQuestions(n, 1000, (ulong)seed);
        var replicates = Bootstrap.Replicate([metric], s, n, draws, 1000, (ulong)seed + 1);
        var estimate = Bootstrap.Interval(metric.Point(), replicates[0], 0.95)!;
        return estimate.Lower <= estimate.Value + 1e-12 && estimate.Value <= estimate.Upper + 1e-12;
    }

    [Fact]
    public void TheSameSeedGivesTheSameReplicates()
    {
        var metric = Mean([0.1, 0.5, -0.2, 0.9, 0.0, 0.3]);
        double[] Run() => Bootstrap.Replicate([metric], 2, 3, Bootstrap.DrawQuestions(3, 1000, 7), 1000, 8)[0];
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void APairedComparisonOfIdenticalScoresHasNoDifferenceAndPValueOne()
    {
        var metric = Mean([0.1, 0.5, -0.2, 0.9]);
        var draws = Bootstrap.DrawQuestions(4, 1000, 1);
        var a = Bootstrap.Replicate([metric], 1, 4, draws, 1000, 2)[0];
        var (difference, p) = Bootstrap.Paired(metric.Point(), a, metric.Point(), a, 0.95);
        Assert.Equal(new Estimate(0, 0, 0), difference);
        Assert.Equal(1, p);
    }

    [Fact]
    public void AnAgentBetterOnEveryQuestionHasASmallPairedPValue()
    {
        double[] worse = [.. Enumerable.Range(0, 40).Select(i => (i % 7) / 10.0)];
        var better = Mean([.. worse.Select(v => v + 0.05)]);
        var draws = Bootstrap.DrawQuestions(40, 1000, 3);
        var (difference, p) = Bootstrap.Paired(
            better.Point(), Bootstrap.Replicate([better], 1, 40, draws, 1000, 4)[0],
            Mean(worse).Point(), Bootstrap.Replicate([Mean(worse)], 1, 40, draws, 1000, 5)[0],
            0.95);

        // Paired on questions the difference is exactly .05 in every resample: p = 2 / 1001.
        Assert.Equal(0.05, difference!.Value, 12);
        Assert.Equal(0.05, difference.Lower!.Value, 12);
        Assert.Equal(2.0 / 1001, p!.Value, 12);
    }

    [Fact]
    public void AMetricUndefinedEverywhereHasNoEstimate()
    {
        var metric = new RatioMetric(LeaderboardMetrics.Brier, [0, 0], [0, 0], 1);
        Assert.Null(Bootstrap.Interval(metric.Point(), Bootstrap.Replicate([metric], 1, 2, Bootstrap.DrawQuestions(2, 10, 1), 10, 1)[0], 0.95));
    }
}
