using System.Collections.Immutable;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Turns agent-supplied from/to dates into the arrival window a search covers, clamped to the view's
/// instant. Dates are inclusive UTC days and refer to when articles became available (their
/// <c>VisibleAt</c>). Every clamp or emptied range is reported as a notice.
/// </summary>
internal static class DateWindow
{
    /// <summary>The window in UTC ticks, inclusive, or null when no article can fall in it.</summary>
    public static (long From, long To)? Resolve(DateTimeOffset asOf, DateOnly? from, DateOnly? to, ImmutableArray<string>.Builder notices)
    {
        var today = SimulatedTime.DayOf(asOf);
        if (from is { } early && early > today)
        {
            notices.Add($"from_date {Day(early)} is after the current date {Day(today)}: no articles from then are available yet.");
            return null;
        }

        if (from is { } start && to is { } end && start > end)
        {
            notices.Add($"from_date {Day(start)} is after to_date {Day(end)}: the date range is empty.");
            return null;
        }

        var upper = asOf.UtcTicks;
        if (to is { } last)
        {
            if (last > today)
            {
                notices.Add($"to_date {Day(last)} is after the current date {Day(today)}: searched up to {Day(today)} instead.");
            }
            else
            {
                upper = Math.Min(upper, SimulatedTime.EndOf(last).UtcTicks);
            }
        }

        var lower = from is { } first ? SimulatedTime.StartOf(first).UtcTicks : long.MinValue;
        return (lower, upper);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
