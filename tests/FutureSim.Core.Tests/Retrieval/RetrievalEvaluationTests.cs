using FutureSim.Core.Articles;
using FutureSim.Core.Retrieval;
using FutureSim.TestKit;

namespace FutureSim.Core.Tests.Retrieval;

public sealed class RetrievalEvaluationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-eval-").FullName;

    private readonly InMemoryCorpus corpus = new(
    [
        FutureSim.TestKit.TestData.Article("a1", "2025-01-01", "Storm hits coast", "A storm hits the coast."),
        FutureSim.TestKit.TestData.Article("a2", "2025-01-02", "Budget passes", "Parliament passes the budget."),
        FutureSim.TestKit.TestData.Article("a3", "2025-01-05", "Storm damage", "Storm damage is counted."),
    ]);

    [Fact]
    public void AJudgedDocumentInvisibleAtTheTopicsInstantIsADataErrorAndIsNotCounted()
    {
        var topics = new[] { new RetrievalTopic("t1", "storm", new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero)) };
        var path = Path.Combine(folder, "qrels");
        File.WriteAllText(path, "t1 0 a1 1\nt1 0 a3 1\nt1 0 nowhere 1\n");
        var qrels = Qrels.Read(path, new HashSet<string> { "t1" });

        var report = RetrievalEvaluation.Run(corpus, topics, qrels, new RetrievalEvaluationOptions { Modes = [SearchMode.Keyword, SearchMode.Hybrid], Resamples = 50 }, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, report.TopicsMeasured);
        Assert.Equal(["a3", "nowhere"], report.DataErrors.Select(e => e.Document));
        Assert.Contains("visible from 2025-01-05", report.DataErrors[0].Problem, StringComparison.Ordinal);
        Assert.Equal("not in the corpus", report.DataErrors[1].Problem);
        var keyword = report.Modes[0];
        Assert.Equal(["a1"], keyword.Rankings[0].Documents.ToArray());
        Assert.Equal(1.0, keyword.Measures["ndcg@10"].Value); // only a1 counts, and it is first
        Assert.Equal(0.1, keyword.Measures["p@10"].Value, 12);
        Assert.Contains(report.Differences, d => d.Metric == "ndcg@10" && d.A == "keyword" && d.B == "hybrid" && d.Difference.Value == 0);
    }

    [Fact]
    public void TopicsWithoutAVisibleRelevantDocumentAreNotMeasured()
    {
        var topics = new[] { new RetrievalTopic("t1", "storm", new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero)) };
        var path = Path.Combine(folder, "qrels");
        File.WriteAllText(path, "t1 0 a3 1\n");

        var report = RetrievalEvaluation.Run(corpus, topics, Qrels.Read(path, new HashSet<string> { "t1" }), new RetrievalEvaluationOptions { Modes = [SearchMode.Keyword] }, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, report.TopicsMeasured);
        Assert.Empty(report.Modes[0].Measures);
        Assert.Single(report.DataErrors);
    }

    public void Dispose()
    {
        corpus.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
