using FutureSim.Benchmarks.Scoring;

namespace FutureSim.Benchmarks.Tests.Scoring;

public sealed class ScoringBenchmarkTests
{
    private static readonly ScoringBenchmarkOptions Small = new() { Configurations = 2, Seeds = 3, Questions = 10, Days = 10, Resamples = 20 };

    [Fact]
    public async Task RunFoldersOnDiskAreScoredAndTheirSeedsPooled()
    {
        var report = await ScoringBenchmark.RunAsync(Small, CancellationToken.None);

        Assert.Empty(report.Problems);
        Assert.Equal(6, report.Runs);
        Assert.Equal(2, report.Entries);
        Assert.Equal(6, report.PooledSeeds);
        Assert.True(report.Forecasts > 0);
        Assert.Equal(report.Forecasts, report.ScoredForecasts);
        Assert.True(report.RenderedCharacters > 0);
    }

    [Fact]
    public async Task RunsThatDoNotPoolFailTheCheck()
    {
        // A setting without "seed" in its name makes every run its own configuration.
        var report = await ScoringBenchmark.RunAsync(Small with { SeedSetting = "Variant" }, CancellationToken.None);

        Assert.Equal(6, report.Entries);
        Assert.Single(report.Problems);
    }
}
