using System.Collections.Immutable;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// The result of <see cref="DenseSearchBenchmark.RunApproximate(int, int, int, int, double, TimeProvider, CancellationToken, string?)"/>:
/// one row per instant, and the recall@10 each instant must reach (<see cref="MinimumRecall"/>).
/// </summary>
public sealed record ApproximateSearchReport(ImmutableArray<ApproximateSearchRow> Rows, double MinimumRecall)
{
    /// <summary>The checks that failed (results after the instant, searches short of k, recall@10 below the floor); empty when all held.</summary>
    public ImmutableArray<string> Problems =>
    [
        .. Rows.SelectMany(r => DenseSearchProblems.Of(r.AsOf, r.CutoffViolations, r.ShortResults)),
        .. Rows.Where(r => r.RecallAt10 < MinimumRecall).Select(r => FormattableString.Invariant($"recall@10 as of {r.AsOf:yyyy-MM-dd} is {r.RecallAt10:0.000}, below the floor {MinimumRecall:0.000}.")),
    ];
}
