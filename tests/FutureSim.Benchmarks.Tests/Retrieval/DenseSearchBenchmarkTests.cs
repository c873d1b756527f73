using FutureSim.Benchmarks.Retrieval;

namespace FutureSim.Benchmarks.Tests.Retrieval;

public sealed class DenseSearchBenchmarkTests
{
    [Fact]
    public void TheExactBenchmarkRunsEveryInstantAndItsChecksHold()
    {
        var report = DenseSearchBenchmark.Run([4000], 5, TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, report.Rows.Length);
        Assert.All(report.Rows, r => Assert.True(r.Visible > 3000 && r.P50Milliseconds <= r.P99Milliseconds));
        Assert.Equal(4000, report.Rows[^1].Visible);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void ASearchIgnoringTheInstantOrShortOfKFailsTheChecks()
    {
        var leaky = DenseSearchBenchmark.Run([4000], 5, TimeProvider.System, CancellationToken.None,
            search => (query, scale, _, want) => search(query, scale, long.MaxValue, want));
        var shortOfK = DenseSearchBenchmark.Run([4000], 5, TimeProvider.System, CancellationToken.None,
            search => (query, scale, asOf, want) => search(query, scale, asOf, want)[1..]);

        // Before the last day some chunks are still in the future, and random queries find them.
        Assert.True(leaky.Rows[0].CutoffViolations > 0);
        Assert.Contains(leaky.Problems, p => p.Contains("stored as visible after", StringComparison.Ordinal));
        Assert.All(shortOfK.Rows, r => Assert.Equal(10, r.ShortResults)); // 5 timed and 5 warm-up searches per instant
        Assert.Contains(shortOfK.Problems, p => p.Contains("min(10, visible)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheApproximateBenchmarkReportsRecallAgainstExactSearchAndFailsBelowTheFloor()
    {
        // 20,000 chunks around 2,000 topics in 16 lists, 8 probed: recall@10 about 0.8–0.9 here.
        var report = DenseSearchBenchmark.RunApproximate(20000, 16, 8, 10, 0.75, TimeProvider.System, CancellationToken.None);
        // The least similar chunks instead of the most similar ones: recall near 0.
        var worst = DenseSearchBenchmark.RunApproximate(20000, 16, 8, 10, 0.75, TimeProvider.System, CancellationToken.None, null,
            search => (query, scale, asOf, want) => search([.. query.Select(c => (sbyte)-Math.Max((int)c, -127))], scale, asOf, want));

        Assert.Equal(3, report.Rows.Length);
        Assert.All(report.Rows, r => Assert.InRange(r.RecallAt10, 0.75, 1.0));
        Assert.Empty(report.Problems);
        Assert.All(worst.Rows, r => Assert.True(r.RecallAt10 < 0.5));
        Assert.Equal(3, worst.Problems.Length);
        Assert.All(worst.Problems, p => Assert.Contains("below the floor 0.750", p, StringComparison.Ordinal));
    }
}
