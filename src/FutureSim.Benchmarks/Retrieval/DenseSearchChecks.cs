using FutureSim.Corpus.Semantic;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// What every measured dense search at one instant must satisfy, checked apart from the search's own gate: no
/// result whose stored instant (<see cref="DenseIndex.TicksAt"/>) is after the instant, and exactly k results
/// whenever k chunks are visible (visible chunks counted by a scan of the stored instants, not by the index's range lookup).
/// </summary>
internal sealed class DenseSearchChecks
{
    private readonly DenseIndex index;
    private readonly long asOfTicks;

    public DenseSearchChecks(DenseIndex index, long asOfTicks)
    {
        this.index = index;
        this.asOfTicks = asOfTicks;
        for (var i = 0; i < index.Count; i++)
        {
            Visible += index.TicksAt(i) <= asOfTicks ? 1 : 0;
        }
    }

    /// <summary>Chunks whose stored instant is at or before the instant.</summary>
    public int Visible { get; }

    /// <summary>Results, over all checked searches, stored as visible after the instant.</summary>
    public int CutoffViolations { get; private set; }

    /// <summary>Checked searches that returned other than min(k, <see cref="Visible"/>) results.</summary>
    public int ShortResults { get; private set; }

    public void Check(int[] positions, int want)
    {
        CutoffViolations += positions.Count(p => index.TicksAt(p) > asOfTicks);
        ShortResults += positions.Length == Math.Min(want, Visible) ? 0 : 1;
    }
}
