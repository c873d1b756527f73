namespace FutureSim.Benchmarks.Retrieval;

/// <summary>The result of <see cref="ScaleBenchmark.Run"/>.</summary>
public sealed record ScaleBenchmarkReport
{
    /// <summary>Articles indexed.</summary>
    public required int Articles { get; init; }

    /// <summary>Of them, arriving in the last 88 days (the simulated window).</summary>
    public required int InLast88Days { get; init; }

    /// <summary>Whether bodies were about 3,000 characters (else 1.5 news items).</summary>
    public required bool CcNewsLength { get; init; }

    /// <summary>The synthetic corpus file.</summary>
    public required long CorpusBytes { get; init; }

    /// <summary>Writing the corpus file (not part of the build).</summary>
    public required double WriteSeconds { get; init; }

    /// <summary>Wall time from reading the corpus file to the opened index.</summary>
    public required double BuildSeconds { get; init; }

    /// <summary>Processor time of the build over all threads.</summary>
    public required double BuildCpuSeconds { get; init; }

    /// <summary><see cref="Articles"/> / <see cref="BuildSeconds"/>.</summary>
    public required double DocumentsPerSecond { get; init; }

    /// <summary>The index on disk: Lucene files, article store and document table.</summary>
    public required long IndexBytes { get; init; }

    /// <summary>The process's peak working set after the build (the resampled news items included).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>The same after the queries.</summary>
    public required long PeakWorkingSetAfterQueriesBytes { get; init; }

    /// <summary>Query latencies per instant.</summary>
    public required IReadOnlyList<ScaleBenchmarkRow> Instants { get; init; }

    /// <summary>The checks that failed (cutoff violations); empty when the gate held.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Problems =>
        [.. Instants.Where(i => i.CutoffViolations > 0).Select(i => $"{i.CutoffViolations} hits as of {i.AsOf:O} were visible after it.")];
}
