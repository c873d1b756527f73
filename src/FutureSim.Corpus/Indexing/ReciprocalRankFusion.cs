namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009), as FutureSim fuses its dense and BM25
/// rankings: an article's fused score is <c>Σ_r 1 / (c + rank_r)</c> over the rankings <c>r</c> that list
/// it (ranks from 1), with <c>c</c> = <see cref="DefaultConstant"/> unless configured. Equal fused scores
/// are ordered by id hash, so the order never depends on index positions. Each fused article carries the
/// chunk of the ranking that placed it best (the first ranking on a tie).
/// </summary>
internal static class ReciprocalRankFusion
{
    /// <summary>FutureSim's constant (and the paper's).</summary>
    public const int DefaultConstant = 60;

    public static List<TopHits.Hit> Fuse(IReadOnlyList<IReadOnlyList<TopHits.Hit>> rankings, int k, int constant = DefaultConstant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(constant);
        var fused = new Dictionary<long, (double Score, int BestRank, TopHits.Hit Hit)>();
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var hit = ranking[i];
                var rank = i + 1;
                var share = 1.0 / (constant + rank);
                fused[hit.IdHash] = fused.TryGetValue(hit.IdHash, out var known)
                    ? (known.Score + share, Math.Min(known.BestRank, rank), rank < known.BestRank ? hit : known.Hit)
                    : (share, rank, hit);
            }
        }

        return [.. fused.Values
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Hit.IdHash)
            .Take(k)
            .Select(f => f.Hit with { Score = (float)f.Score })];
    }
}
