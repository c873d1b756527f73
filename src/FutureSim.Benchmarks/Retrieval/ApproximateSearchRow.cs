namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// One instant of <see cref="DenseSearchBenchmark.RunApproximate(int, int, int, int, double, TimeProvider, CancellationToken, string?)"/>:
/// recall@10 of the clustered index against exact search, their latencies, and the checks of both searches
/// (<see cref="DenseSearchChecks"/>): results stored as visible after the instant, and searches that did not return
/// exactly min(10, visible) results; both must be 0.
/// </summary>
public sealed record ApproximateSearchRow(int Chunks, int Lists, int Probes, DateTimeOffset AsOf, int Visible, double RecallAt10, double ClusterSeconds, double ExactP50Milliseconds, double P50Milliseconds, double P99Milliseconds, int CutoffViolations, int ShortResults);
