using System.Collections.Immutable;

namespace FutureSim.Interop.Questions;

/// <summary>
/// The results printed in one run, each question once (restarts and reconnects
/// re-send earlier results: the first wins), with the day the reply entered and the day it left.
/// </summary>
internal sealed record RunRecaps(ImmutableArray<(DateOnly From, DateOnly To, RecapEntry Entry)> Entries)
{
    public static RunRecaps From(IEnumerable<(DateOnly From, DateOnly To, RecapEntry Entry)> printed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = ImmutableArray.CreateBuilder<(DateOnly, DateOnly, RecapEntry)>();
        foreach (var (from, to, entry) in printed.OrderBy(p => p.To))
        {
            if (seen.Add(entry.Title))
            {
                entries.Add((from, to, entry));
            }
        }

        return new RunRecaps(entries.ToImmutable());
    }
}
