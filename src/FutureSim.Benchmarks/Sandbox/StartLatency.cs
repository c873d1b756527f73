using FutureSim.Core.Statistics;

namespace FutureSim.Benchmarks.Sandbox;

/// <summary>Day-start latencies in milliseconds (nearest rank, <see cref="Quantile.NearestRank"/>), and how many days were measured.</summary>
public sealed record StartLatency(int Days, double P50, double P90, double Max)
{
    public static StartLatency Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new StartLatency(sorted.Length, Quantile.NearestRank(sorted, 0.5), Quantile.NearestRank(sorted, 0.9), Quantile.NearestRank(sorted, 1));
    }
}
