namespace FutureSim.Benchmarks.Retrieval;

/// <summary>One pass over the queries: latency percentiles and mean in milliseconds, hits, queries that got fewer than they asked for, cutoff violations.</summary>
internal sealed record RetrievalPass(LatencySummary Latency, double MeanMilliseconds, long Hits, int ShortQueries, int Violations);
