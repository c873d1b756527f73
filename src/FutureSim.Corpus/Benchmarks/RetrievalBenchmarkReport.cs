namespace FutureSim.Corpus.Benchmarks;

/// <summary>
/// The result of <see cref="RetrievalBenchmark.Run"/>. Latencies are per query (view, search and the
/// articles of the hits), in milliseconds, as nearest-rank percentiles of the timed pass; the warm-up
/// pass (the same queries, run first) is reported too. A cutoff violation is a hit whose VisibleAt is
/// after its query's <c>as_of</c>; it must be zero.
/// </summary>
public sealed record RetrievalBenchmarkReport
{
    public required int DocumentsIndexed { get; init; }

    public required double BuildSeconds { get; init; }

    public required double DocumentsPerSecond { get; init; }

    public required long IndexBytes { get; init; }

    /// <summary>The process's peak working set after the build (includes everything the process did before).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    public required int Queries { get; init; }

    public required double P50Milliseconds { get; init; }

    public required double P95Milliseconds { get; init; }

    public required double P99Milliseconds { get; init; }

    public required double MeanMilliseconds { get; init; }

    public required double QueriesPerSecond { get; init; }

    public required double WarmUpP50Milliseconds { get; init; }

    public required double WarmUpP99Milliseconds { get; init; }

    /// <summary>Hits returned by the timed pass, over all queries.</summary>
    public required long Hits { get; init; }

    /// <summary>Queries of the timed pass that returned fewer hits than they asked for.</summary>
    public required int ShortQueries { get; init; }

    public required int CutoffViolations { get; init; }
}
