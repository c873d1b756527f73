namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Turns a ranking of chunks into a ranking of articles: an article ranks by its best chunk, which is
/// reported with it. The chunk ranking is asked for more chunks until it yields <c>k</c> distinct articles or
/// runs out, so an article with several strong chunks never leaves fewer than <c>k</c> results.
/// </summary>
internal static class ArticleTopK
{
    /// <param name="k">Articles wanted.</param>
    /// <param name="chunks">How many chunks exist in all (asking for more is pointless).</param>
    /// <param name="topChunks">The best <c>n</c> chunks, best first, for a given <c>n</c>.</param>
    public static List<TopHits.Hit> Collect(int k, int chunks, Func<int, TopHits.Hit[]> topChunks)
    {
        var seen = new HashSet<long>();
        var result = new List<TopHits.Hit>(k);
        for (var want = Math.Min(k, Math.Max(chunks, 1)); ; want = (int)Math.Min((long)want * 4, Math.Max(chunks, 1)))
        {
            var hits = topChunks(want);
            seen.Clear();
            result.Clear();
            foreach (var hit in hits)
            {
                if (seen.Add(hit.IdHash))
                {
                    result.Add(hit);
                    if (result.Count == k)
                    {
                        return result;
                    }
                }
            }

            if (hits.Length < want || want >= chunks)
            {
                return result;
            }
        }
    }
}
