using FutureSim.Core.Retrieval;

namespace FutureSim.Core.Tests.Retrieval;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void MeasuresMatchHandComputedValuesForOneTopicAndAKnownRanking()
    {
        // Relevant: a (gain 2), c (gain 1), z (gain 1, never retrieved). Ranking: x a y c, then 96 others.
        var ranking = new List<string> { "x", "a", "y", "c" };
        ranking.AddRange(Enumerable.Range(0, 96).Select(i => "n" + i));
        var judgments = new Dictionary<string, int> { ["a"] = 2, ["c"] = 1, ["z"] = 1, ["x"] = 0 };

        var values = RetrievalMetrics.Compute(ranking, judgments);

        var dcg = (2 / Math.Log2(3)) + (1 / Math.Log2(5));
        var idcg = 2 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(dcg / idcg, values[0], 12); // ndcg@10 ≈ 0.5406
        Assert.Equal(2.0 / 3, values[1], 12);     // recall@10
        Assert.Equal(2.0 / 3, values[2], 12);     // recall@100
        Assert.Equal(0.5, values[3], 12);         // mrr@10: first relevant at rank 2
        Assert.Equal(0.2, values[4], 12);         // p@10: 2 of 10
        Assert.Equal(0.54059, values[0], 4);
    }

    [Fact]
    public void ARelevantDocumentBeyondTenCountsOnlyForRecallAtOneHundred()
    {
        var ranking = Enumerable.Range(0, 50).Select(i => "d" + i).ToList();

        var values = RetrievalMetrics.Compute(ranking, new Dictionary<string, int> { ["d30"] = 1 });

        Assert.Equal([0, 0, 1, 0, 0], values);
    }
}
