namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// One size and instant of <see cref="DenseSearchBenchmark"/>: vectors visible, latency of exact top-10 search, and its
/// checks (<see cref="DenseSearchChecks"/>): results stored as visible after the instant, and searches that did not return
/// exactly min(10, visible) results; both must be 0.
/// </summary>
public sealed record DenseSearchBenchmarkRow(int Chunks, long Bytes, double BuildSeconds, DateTimeOffset AsOf, int Visible, double P50Milliseconds, double P99Milliseconds, int CutoffViolations, int ShortResults);
