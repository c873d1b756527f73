using System.Diagnostics;
using System.Runtime;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Core.Statistics;
using FutureSim.Corpus.Indexing;
using Microsoft.Extensions.Logging;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// Measures the corpus layer end to end: builds a fresh index from corpus files (strict policy, bad
/// records fail), then runs a query file twice — a warm-up pass, then the timed pass — through the same
/// time-gated views agents get. Every hit is checked against its query's cutoff independently of the view:
/// from the visibility instant the index stores for the hit's id (<see cref="LuceneCorpus.StoredVisibleAt"/>),
/// so that a gate admitting a future article shows as a violation.
/// </summary>
public static class RetrievalBenchmark
{
    /// <summary>Twice the runtime's default tiering delay.</summary>
    private static readonly TimeSpan CompilerIdle = TimeSpan.FromMilliseconds(200);

    /// <summary>Builds, warms up, measures and checks; see the class remarks.</summary>
    /// <param name="corpusPaths">Corpus files or dated-tree folders.</param>
    /// <param name="queriesFile">Queries as described by <see cref="RetrievalQueryFile"/>.</param>
    /// <param name="indexDirectory">A folder that does not exist yet or is empty; the index is built there.</param>
    /// <param name="search">
    /// How the corpus ranks; with an embedding model, every chunk gets its vector as the corpus is opened (counted
    /// in the build time: found in the model's seed files when known, otherwise embedded).
    /// </param>
    /// <param name="mode">The search mode of every query.</param>
    /// <param name="time">Wall time for the measurements (<see cref="TimeProvider.System"/> in production).</param>
    /// <param name="progress">Build progress, as for <see cref="LuceneCorpus.OpenOrBuild"/>.</param>
    /// <param name="logger">Build log; nothing when null.</param>
    /// <param name="ct">Cancels the build or the query passes.</param>
    /// <exception cref="InvalidInputException">The query file or a corpus file is invalid.</exception>
    public static RetrievalBenchmarkReport Run(
        IReadOnlyList<string> corpusPaths,
        string queriesFile,
        string indexDirectory,
        SearchSettings search,
        SearchMode mode,
        TimeProvider time,
        IProgress<CorpusBuildProgress>? progress,
        ILogger? logger,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Directory.Exists(indexDirectory) && Directory.EnumerateFileSystemEntries(indexDirectory).Any())
        {
            throw new ArgumentException($"The benchmark builds a fresh index: {indexDirectory} must be empty or absent.", nameof(indexDirectory));
        }

        var queries = RetrievalQueryFile.Read(queriesFile);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = time.GetTimestamp();
        var (corpus, build) = LuceneCorpus.OpenOrBuildAsync(indexDirectory, corpusPaths, VisibilityPolicy.Strict, InvalidRecordHandling.Fail, search, progress, logger, ct)
            .GetAwaiter().GetResult();
        using (corpus)
        {
            var buildSeconds = time.GetElapsedTime(started).TotalSeconds;
            process.Refresh();
            var buildCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var peak = process.PeakWorkingSet64;

            var warmUp = WarmUp(() => Measure(corpus, corpus.StoredVisibleAt, queries, mode, time, ct));
            var timedStart = time.GetTimestamp();
            var timed = Measure(corpus, corpus.StoredVisibleAt, queries, mode, time, ct);
            var timedSeconds = time.GetElapsedTime(timedStart).TotalSeconds;
            return new RetrievalBenchmarkReport
            {
                Mode = mode,
                DocumentsIndexed = build.DocumentsAdded,
                BuildSeconds = buildSeconds,
                BuildCpuSeconds = buildCpuSeconds,
                DocumentsPerSecond = build.DocumentsAdded / buildSeconds,
                IndexBytes = build.IndexBytes,
                PeakWorkingSetBytes = peak,
                Queries = queries.Count,
                P50Milliseconds = timed.Latency.P50,
                P95Milliseconds = timed.Latency.P95,
                P99Milliseconds = timed.Latency.P99,
                MeanMilliseconds = timed.MeanMilliseconds,
                QueriesPerSecond = queries.Count / timedSeconds,
                WarmUpP50Milliseconds = warmUp.Latency.P50,
                WarmUpP99Milliseconds = warmUp.Latency.P99,
                Hits = timed.Hits,
                ShortQueries = timed.ShortQueries,
                CutoffViolations = warmUp.Violations + timed.Violations,
            };
        }
    }

    /// <summary>
    /// Runs the warm-up <paramref name="pass"/> (whose latencies are those of each query's first sight), then brings
    /// the code the queries run to where a harness running for hours has it. The runtime compiles precompiled methods
    /// (the framework's, Lucene's) again, optimised for this machine, once they run hot: after no method has run for
    /// the first time for 100 ms, each method called 30 more times is compiled on a background thread. A timed pass
    /// of a fraction of a second started right after the first would measure that transition, not the search. So
    /// this idles past the delay, runs the pass again (only its violations count) and waits until the runtime has
    /// compiled nothing for <see cref="CompilerIdle"/>.
    /// </summary>
    internal static RetrievalPass WarmUp(Func<RetrievalPass> pass)
    {
        var first = pass();
        Thread.Sleep(CompilerIdle);
        var second = pass();
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var wait = 0; wait < 20; wait++)
        {
            Thread.Sleep(CompilerIdle);
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }

        return first with { Violations = first.Violations + second.Violations };
    }

    /// <summary>
    /// Runs every query once through a view of <paramref name="corpus"/> at its cutoff, timing each, and counts the
    /// cutoff violations: hits whose stored visibility (<paramref name="storedVisibleAt"/>, null for an article the
    /// corpus does not hold) is not at or before the cutoff, and queries the corpus itself stopped with a
    /// <see cref="VisibilityBreachException"/>.
    /// </summary>
    internal static RetrievalPass Measure(
        ITimeGatedCorpus corpus,
        Func<ArticleId, DateTimeOffset?> storedVisibleAt,
        IReadOnlyList<RetrievalQuery> queries,
        SearchMode mode,
        TimeProvider time,
        CancellationToken ct)
    {
        var milliseconds = new List<double>(queries.Count);
        long hits = 0;
        var shortQueries = 0;
        var violations = 0;
        foreach (var query in queries)
        {
            ct.ThrowIfCancellationRequested();
            var start = time.GetTimestamp();
            CorpusSearchResult result;
            try
            {
                result = corpus.At(query.AsOf).Search(new NewsQuery { Text = query.Query, MaxResults = query.Top, Mode = mode });
            }
            catch (VisibilityBreachException)
            {
                violations++;
                continue;
            }

            milliseconds.Add(time.GetElapsedTime(start).TotalMilliseconds);
            hits += result.Hits.Length;
            shortQueries += result.Hits.Length < query.Top ? 1 : 0;
            violations += result.Hits.Count(hit => storedVisibleAt(hit.Article.Id) is not { } stored || stored > query.AsOf);
        }

        return new RetrievalPass(LatencySummary.Of(milliseconds), milliseconds.Count == 0 ? 0 : milliseconds.Average(), hits, shortQueries, violations);
    }
}
