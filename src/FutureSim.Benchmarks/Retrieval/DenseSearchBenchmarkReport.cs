using System.Collections.Immutable;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>The result of <see cref="DenseSearchBenchmark.Run(IReadOnlyList{int}, int, TimeProvider, CancellationToken)"/>: one row per size and instant.</summary>
public sealed record DenseSearchBenchmarkReport(ImmutableArray<DenseSearchBenchmarkRow> Rows)
{
    /// <summary>The checks that failed (results after the instant, searches short of k); empty when all held.</summary>
    public ImmutableArray<string> Problems => [.. Rows.SelectMany(DenseSearchProblems.Of)];
}
