namespace FutureSim.Core.Statistics;

/// <summary>The quantiles the product reports, each named by its definition; the one home of percentile arithmetic.</summary>
public static class Quantile
{
    /// <summary>
    /// The linearly interpolated quantile of ascending <paramref name="sorted"/> values (Hyndman–Fan type 7, as R and
    /// NumPy default to): position <c>q (n − 1)</c>, interpolated between its neighbours. Bootstrap intervals use it.
    /// </summary>
    public static double Interpolated(IReadOnlyList<double> sorted, double q)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>
    /// The nearest-rank quantile of ascending <paramref name="sorted"/> values: the smallest value with at least a share
    /// <paramref name="q"/> of the values at or below it, the <c>⌈q n⌉</c>-th (1-based; the first for q = 0); 0 for no values.
    /// Latency percentiles of the benchmarks use it: every reported value is a measured one.
    /// </summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
