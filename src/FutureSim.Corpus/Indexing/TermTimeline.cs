namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The distinct instants at which documents containing a term became visible, sorted, with cumulative
/// counts of those documents and of the term's occurrences: the term's docFreq and totalTermFreq at any
/// instant are one binary search away. Documents that became visible at the same instant share an entry,
/// so a corpus with day-level visibility needs one entry per day, not per document.
/// </summary>
internal sealed class TermTimeline
{
    private readonly long[] ticks;
    private readonly int[] documentPrefix;
    private readonly long[] frequencyPrefix;

    /// <param name="ticks">Visibility of each posting (sorted in place).</param>
    /// <param name="frequencies">The term's frequency in each posting, parallel to <paramref name="ticks"/>.</param>
    public TermTimeline(long[] ticks, int[] frequencies)
    {
        Array.Sort(ticks, frequencies);
        var distinct = 0;
        for (var i = 0; i < ticks.Length; i++)
        {
            distinct += i == 0 || ticks[i] != ticks[i - 1] ? 1 : 0;
        }

        this.ticks = new long[distinct];
        documentPrefix = new int[distinct + 1];
        frequencyPrefix = new long[distinct + 1];
        var entry = -1;
        for (var i = 0; i < ticks.Length; i++)
        {
            if (i == 0 || ticks[i] != ticks[i - 1])
            {
                entry++;
                this.ticks[entry] = ticks[i];
                documentPrefix[entry + 1] = documentPrefix[entry];
                frequencyPrefix[entry + 1] = frequencyPrefix[entry];
            }

            documentPrefix[entry + 1]++;
            frequencyPrefix[entry + 1] += frequencies[i];
        }
    }

    /// <summary>How many entries the timeline keeps (20 bytes each).</summary>
    public int Entries => ticks.Length;

    /// <summary>(docFreq, totalTermFreq) over documents with VisibleAt &lt;= <paramref name="asOfTicks"/>.</summary>
    public (long DocFreq, long TotalTermFreq) At(long asOfTicks)
    {
        var entries = SortedTicks.CountAtOrBefore(ticks, asOfTicks);
        return (documentPrefix[entries], frequencyPrefix[entries]);
    }
}
