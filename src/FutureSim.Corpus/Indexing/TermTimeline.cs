namespace FutureSim.Corpus.Indexing;

/// <summary>
/// When each document containing a term became visible, sorted, with prefix sums of the term's
/// frequency: the term's docFreq and totalTermFreq at any instant are then one binary search away.
/// </summary>
internal sealed class TermTimeline
{
    private readonly long[] ticks;
    private readonly long[] frequencyPrefix;

    public TermTimeline(long[] ticks, int[] frequencies)
    {
        Array.Sort(ticks, frequencies);
        this.ticks = ticks;
        frequencyPrefix = new long[ticks.Length + 1];
        for (var i = 0; i < ticks.Length; i++)
        {
            frequencyPrefix[i + 1] = frequencyPrefix[i] + frequencies[i];
        }
    }

    public int Postings => ticks.Length;

    /// <summary>(docFreq, totalTermFreq) over documents with VisibleAt &lt;= <paramref name="asOfTicks"/>.</summary>
    public (long DocFreq, long TotalTermFreq) At(long asOfTicks)
    {
        var visible = SortedTicks.CountAtOrBefore(ticks, asOfTicks);
        return (visible, frequencyPrefix[visible]);
    }
}
