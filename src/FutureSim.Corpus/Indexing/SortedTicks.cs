namespace FutureSim.Corpus.Indexing;

/// <summary>Counting in sorted arrays of instants.</summary>
internal static class SortedTicks
{
    /// <summary>How many elements of the ascending <paramref name="sorted"/> are &lt;= <paramref name="value"/>.</summary>
    public static int CountAtOrBefore(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
