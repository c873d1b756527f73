using FutureSim.Core.Statistics;

namespace FutureSim.Benchmarks;

/// <summary>Latency percentiles (nearest rank, <see cref="Quantile.NearestRank"/>), in the unit of the values measured.</summary>
public sealed record LatencySummary(double P50, double P95, double P99)
{
    public static LatencySummary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new LatencySummary(Quantile.NearestRank(sorted, 0.50), Quantile.NearestRank(sorted, 0.95), Quantile.NearestRank(sorted, 0.99));
    }
}
