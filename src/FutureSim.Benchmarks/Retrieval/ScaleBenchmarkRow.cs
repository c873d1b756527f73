namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// Time-gated top-10 queries as of one instant: articles visible, queries timed, nearest-rank p50/p99 wall
/// milliseconds, the process's processor time per query (mean; on a shared machine wall time includes waiting
/// for a core), cutoff violations (must be 0).
/// </summary>
public sealed record ScaleBenchmarkRow(DateTimeOffset AsOf, int Visible, int Queries, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerQuery, int CutoffViolations);
