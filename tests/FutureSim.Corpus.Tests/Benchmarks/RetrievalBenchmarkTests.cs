using FutureSim.Corpus.Benchmarks;

namespace FutureSim.Corpus.Tests.Benchmarks;

public sealed class RetrievalBenchmarkTests : TempCorporaTests
{

    [Fact]
    public void TheBenchmarkBuildsAFreshIndexRunsEveryQueryAndFindsNoCutoffViolation()
    {
        var news = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Parliament passes the budget."),
            TestCorpora.CurrentEvents("wce-2", "2025-01-05", "2025-01-05T08:00:00Z", "The budget is signed into law."),
            TestCorpora.CurrentEvents("wce-3", "2025-02-01", "2025-02-01T08:00:00Z", "A storm hits the budget talks."));
        var queries = Corpora.Write("queries.jsonl",
            "{\"query\": \"budget\", \"as_of\": \"2025-01-03T00:00:00Z\", \"top\": 10}",
            "{\"query\": \"budget storm\", \"as_of\": \"2025-03-01\", \"top\": 2}");

        var report = RetrievalBenchmark.Run([news], queries, Corpora.IndexDirectory(), TimeProvider.System, null, null, CancellationToken.None);

        Assert.Equal(3, report.DocumentsIndexed);
        Assert.Equal(2, report.Queries);
        Assert.Equal(3, report.Hits);
        Assert.Equal(1, report.ShortQueries);
        Assert.Equal(0, report.CutoffViolations);
        Assert.True(report.IndexBytes > 0 && report.BuildSeconds > 0 && report.DocumentsPerSecond > 0);
        Assert.True(report.P50Milliseconds <= report.P95Milliseconds && report.P95Milliseconds <= report.P99Milliseconds);
    }

    [Fact]
    public void TheBenchmarkRefusesAnIndexFolderInUse()
    {
        var index = Corpora.IndexDirectory();
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "keep.txt"), "mine");

        Assert.Throws<ArgumentException>(() =>
            RetrievalBenchmark.Run([TestCorpora.BundledNews], "unused.jsonl", index, TimeProvider.System, null, null, CancellationToken.None));
    }
}
