using FutureSim.Core.Articles;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// The result of <see cref="RetrievalBenchmark.Run"/>. Latencies are per query (view, search and the
/// articles of the hits), in milliseconds, as nearest-rank percentiles of the timed pass; the warm-up
/// pass (the same queries, run first) is reported too. A cutoff violation is a hit whose visibility stored in
/// the index is after its query's <c>as_of</c>, or a query the corpus stopped for a visibility breach; it must be zero.
/// </summary>
public sealed record RetrievalBenchmarkReport
{
    /// <summary>The search mode of every query.</summary>
    public required SearchMode Mode { get; init; }

    /// <summary>Articles in the fresh index.</summary>
    public required int DocumentsIndexed { get; init; }

    /// <summary>Wall time of the build, from reading the first corpus file to the opened index.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Processor time the process spent during the build, over all its threads (on a shared machine, wall time alone misleads).</summary>
    public required double BuildCpuSeconds { get; init; }

    /// <summary><see cref="DocumentsIndexed"/> / <see cref="BuildSeconds"/>.</summary>
    public required double DocumentsPerSecond { get; init; }

    /// <summary>The index on disk: Lucene files plus the article store.</summary>
    public required long IndexBytes { get; init; }

    /// <summary>The process's peak working set after the build (includes everything the process did before).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Queries in the file; each pass runs all of them once, one at a time.</summary>
    public required int Queries { get; init; }

    /// <summary>Median latency of the timed pass.</summary>
    public required double P50Milliseconds { get; init; }

    /// <summary>95th percentile latency of the timed pass.</summary>
    public required double P95Milliseconds { get; init; }

    /// <summary>99th percentile latency of the timed pass.</summary>
    public required double P99Milliseconds { get; init; }

    /// <summary>Mean latency of the timed pass.</summary>
    public required double MeanMilliseconds { get; init; }

    /// <summary><see cref="Queries"/> / wall time of the timed pass (one thread).</summary>
    public required double QueriesPerSecond { get; init; }

    /// <summary>Median latency of the warm-up pass (cold caches; in semantic and hybrid mode each query's text is embedded then, and its vector kept).</summary>
    public required double WarmUpP50Milliseconds { get; init; }

    /// <summary>99th percentile latency of the warm-up pass (cold caches).</summary>
    public required double WarmUpP99Milliseconds { get; init; }

    /// <summary>Hits returned by the timed pass, over all queries.</summary>
    public required long Hits { get; init; }

    /// <summary>Queries of the timed pass that returned fewer hits than they asked for.</summary>
    public required int ShortQueries { get; init; }

    /// <summary>Hits of either pass whose stored visibility is after their query's cutoff (or breaches the corpus stopped); anything but 0 is a bug.</summary>
    public required int CutoffViolations { get; init; }

    /// <summary>The checks that failed (cutoff violations); empty when the gate held.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Problems =>
        CutoffViolations > 0 ? [$"{CutoffViolations} hits were visible after their query's cutoff."] : [];
}
