using System.Collections.Immutable;
using FutureSim.Core.Statistics;

namespace FutureSim.Benchmarks.Sweeps;

/// <summary>
/// Wall seconds of each repeat of the same sweep run by one local <c>futuresim sweep</c> and submitted to the local workers
/// (followed to its end, workers already started), and whether every repeat left the same bytes both ways.
/// </summary>
public sealed record SweepBenchmarkReport(
    int Runs,
    int DaysPerRun,
    int Workers,
    ImmutableArray<double> LocalSeconds,
    ImmutableArray<double> ClusterSeconds,
    ImmutableArray<string> DifferingFiles)
{
    /// <summary>The allowed overhead: the cluster within 20 % of the local sweep.</summary>
    public const double Target = 1.20;

    /// <summary>Median of the local repeats (nearest rank, <see cref="Quantile.NearestRank"/>).</summary>
    public double LocalMedianSeconds => Median(LocalSeconds);

    public double ClusterMedianSeconds => Median(ClusterSeconds);

    /// <summary>Cluster median over local median.</summary>
    public double Ratio => ClusterMedianSeconds / LocalMedianSeconds;

    /// <summary>The checks that failed: the same bytes both ways (run logs aside), the overhead within <see cref="Target"/>.</summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. DifferingFiles.IsEmpty ? Array.Empty<string>() : [$"{DifferingFiles.Length} files differ between the cluster's and the local sweep's folders, first {DifferingFiles[0]}."],
        .. Median(ClusterSeconds) / Median(LocalSeconds) <= Target ? Array.Empty<string>()
            : [$"The cluster took {Median(ClusterSeconds) / Median(LocalSeconds):0.00}× the local sweep's time; at most {Target:0.00}× is the target."],
    ];

    private static double Median(ImmutableArray<double> values) => Quantile.NearestRank([.. values.Order()], 0.5);
}
