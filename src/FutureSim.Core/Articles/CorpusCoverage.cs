using FutureSim.Core.Simulation;

namespace FutureSim.Core.Articles;

/// <summary>The first and last simulated days on which a corpus has an article arriving, found through views alone.</summary>
public static class CorpusCoverage
{
    /// <summary>The days (UTC) on which the first and the last article become visible; null for an empty corpus.</summary>
    public static (DateOnly First, DateOnly Last)? Of(ITimeGatedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        int VisibleBy(DateOnly day) => corpus.At(SimulatedTime.EndOf(day)).CountArrivedSince(DateTimeOffset.MinValue);
        var total = corpus.At(DateTimeOffset.MaxValue).CountArrivedSince(DateTimeOffset.MinValue);
        if (total == 0)
        {
            return null;
        }

        return (FirstDay(day => VisibleBy(day) > 0), FirstDay(day => VisibleBy(day) == total));
    }

    /// <summary>The first day for which <paramref name="reached"/> holds (it holds from some day on); binary search.</summary>
    private static DateOnly FirstDay(Func<DateOnly, bool> reached)
    {
        int low = DateOnly.MinValue.DayNumber, high = DateOnly.MaxValue.DayNumber - 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (reached(DateOnly.FromDayNumber(middle)))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return DateOnly.FromDayNumber(low);
    }
}
