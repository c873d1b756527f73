using FutureSim.Benchmarks.Retrieval;

namespace FutureSim.Benchmarks.Tests.Retrieval;

public sealed class ScaleBenchmarkTests : TempCorporaTests
{
    [Fact]
    public void TheScaleBenchmarkWritesItsCorpusBuildsItAndFindsNoCutoffViolationAtAnyInstant()
    {
        var queries = Corpora.Write("queries.jsonl",
            "{\"query\": \"election result\", \"as_of\": \"2025-01-03T00:00:00Z\", \"top\": 10}",
            "{\"query\": \"earthquake\", \"as_of\": \"2025-01-03T00:00:00Z\", \"top\": 10}");

        var report = ScaleBenchmark.Run(
            3_000, ccNewsLength: false, [TestCorpora.BundledNews], queries, Path.Combine(Corpora.Root, "scale"), TimeProvider.System, null, CancellationToken.None);

        Assert.Equal(3_000, report.Articles);
        Assert.InRange(report.InLast88Days, 1, 3_000);
        Assert.Equal(ScaleBenchmark.Instants.Count, report.Instants.Count);
        Assert.All(report.Instants, row => Assert.Equal(0, row.CutoffViolations));
        Assert.True(report.IndexBytes > 0 && report.DocumentsPerSecond > 0);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void AHitVisibleAfterItsInstantFailsTheCheck()
    {
        var row = new ScaleBenchmarkRow(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), 10, 2, 1, 2, 1, CutoffViolations: 3);
        var report = new ScaleBenchmarkReport
        {
            Articles = 10, InLast88Days = 1, CcNewsLength = false, CorpusBytes = 1, WriteSeconds = 0, BuildSeconds = 1, BuildCpuSeconds = 1,
            DocumentsPerSecond = 10, IndexBytes = 1, PeakWorkingSetBytes = 1, PeakWorkingSetAfterQueriesBytes = 1, Instants = [row],
        };

        Assert.Single(report.Problems);
    }
}
