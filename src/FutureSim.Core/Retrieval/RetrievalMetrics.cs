namespace FutureSim.Core.Retrieval;

/// <summary>
/// The per-topic measures of <c>eval retrieval</c>, as trec_eval defines them on one ranked list and the
/// topic's counted judgments (relevance &gt; 0 is relevant; the relevance value is the gain):
/// <list type="bullet">
/// <item><c>ndcg@10</c> = DCG@10 / IDCG@10, DCG@10 = Σ_{i≤10} gainᵢ / log₂(i + 1), IDCG from the judged documents sorted by gain (trec_eval <c>ndcg_cut.10</c>);</item>
/// <item><c>recall@10</c>, <c>recall@100</c> = relevant documents in the top 10 (100) / relevant documents (<c>recall.10</c>, <c>recall.100</c>);</item>
/// <item><c>mrr@10</c> = 1 / rank of the first relevant document in the top 10, else 0 (<c>recip_rank</c> cut at 10);</item>
/// <item><c>p@10</c> = relevant documents in the top 10 / 10, however many were returned (<c>P.10</c>).</item>
/// </list>
/// </summary>
public static class RetrievalMetrics
{
    public static IReadOnlyList<string> Names { get; } = ["ndcg@10", "recall@10", "recall@100", "mrr@10", "p@10"];

    /// <summary>The measures in the order of <see cref="Names"/>; the judgments must hold at least one relevant document.</summary>
    public static double[] Compute(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judgments)
    {
        var relevant = judgments.Count(j => j.Value > 0);
        if (relevant == 0)
        {
            throw new ArgumentException("A topic needs a relevant document to be measured.", nameof(judgments));
        }

        int Gain(string document) => judgments.TryGetValue(document, out var r) && r > 0 ? r : 0;
        double dcg = 0;
        var found10 = 0;
        var found100 = 0;
        double reciprocal = 0;
        for (var i = 0; i < ranking.Count && i < 100; i++)
        {
            var gain = Gain(ranking[i]);
            if (gain == 0)
            {
                continue;
            }

            found100++;
            if (i < 10)
            {
                found10++;
                dcg += gain / Math.Log2(i + 2);
                reciprocal = reciprocal == 0 ? 1.0 / (i + 1) : reciprocal;
            }
        }

        var ideal = judgments.Values.Where(r => r > 0).OrderDescending().Take(10).Select((gain, i) => gain / Math.Log2(i + 2)).Sum();
        return [dcg / ideal, found10 / (double)relevant, found100 / (double)relevant, reciprocal, found10 / 10.0];
    }
}
