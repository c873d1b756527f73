using System.Diagnostics;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using Microsoft.Extensions.Logging;

namespace FutureSim.Corpus.Benchmarks;

/// <summary>
/// Measures the corpus layer end to end: builds a fresh index from corpus files (strict policy, bad
/// records fail), then runs a query file twice — a warm-up pass, then the timed pass — through the same
/// time-gated views agents get, re-checking every hit against its query's cutoff.
/// </summary>
public static class RetrievalBenchmark
{
    /// <param name="corpusPaths">Corpus files or dated-tree folders.</param>
    /// <param name="queriesFile">Queries as described by <see cref="RetrievalQueryFile"/>.</param>
    /// <param name="indexDirectory">A folder that does not exist yet or is empty; the index is built there.</param>
    /// <param name="time">Wall time for the measurements (<see cref="TimeProvider.System"/> in production).</param>
    /// <param name="progress">Build progress, as for <see cref="LuceneCorpus.OpenOrBuild"/>.</param>
    /// <param name="logger">Build log; nothing when null.</param>
    /// <param name="ct">Cancels the build or the query passes.</param>
    /// <exception cref="InvalidInputException">The query file or a corpus file is invalid.</exception>
    public static RetrievalBenchmarkReport Run(
        IReadOnlyList<string> corpusPaths,
        string queriesFile,
        string indexDirectory,
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
        var started = time.GetTimestamp();
        var (corpus, build) = LuceneCorpus.OpenOrBuild(indexDirectory, corpusPaths, VisibilityPolicy.Strict, InvalidRecordHandling.Fail, progress, logger, ct);
        using (corpus)
        {
            var buildSeconds = time.GetElapsedTime(started).TotalSeconds;
            using var process = Process.GetCurrentProcess();
            var peak = process.PeakWorkingSet64;

            var warmUp = RunPass(corpus, queries, time, ct);
            var timedStart = time.GetTimestamp();
            var timed = RunPass(corpus, queries, time, ct);
            var timedSeconds = time.GetElapsedTime(timedStart).TotalSeconds;
            return new RetrievalBenchmarkReport
            {
                DocumentsIndexed = build.DocumentsAdded,
                BuildSeconds = buildSeconds,
                DocumentsPerSecond = build.DocumentsAdded / buildSeconds,
                IndexBytes = build.IndexBytes,
                PeakWorkingSetBytes = peak,
                Queries = queries.Count,
                P50Milliseconds = Percentile(timed.Milliseconds, 0.50),
                P95Milliseconds = Percentile(timed.Milliseconds, 0.95),
                P99Milliseconds = Percentile(timed.Milliseconds, 0.99),
                MeanMilliseconds = timed.Milliseconds.Count == 0 ? 0 : timed.Milliseconds.Average(),
                QueriesPerSecond = queries.Count / timedSeconds,
                WarmUpP50Milliseconds = Percentile(warmUp.Milliseconds, 0.50),
                WarmUpP99Milliseconds = Percentile(warmUp.Milliseconds, 0.99),
                Hits = timed.Hits,
                ShortQueries = timed.ShortQueries,
                CutoffViolations = warmUp.Violations + timed.Violations,
            };
        }
    }

    private static Pass RunPass(LuceneCorpus corpus, IReadOnlyList<RetrievalQuery> queries, TimeProvider time, CancellationToken ct)
    {
        var milliseconds = new List<double>(queries.Count);
        long hits = 0;
        var shortQueries = 0;
        var violations = 0;
        foreach (var query in queries)
        {
            ct.ThrowIfCancellationRequested();
            var start = time.GetTimestamp();
            var result = corpus.At(query.AsOf).Search(new NewsQuery { Text = query.Query, MaxResults = query.Top });
            milliseconds.Add(time.GetElapsedTime(start).TotalMilliseconds);
            hits += result.Hits.Length;
            shortQueries += result.Hits.Length < query.Top ? 1 : 0;
            violations += result.Hits.Count(hit => hit.Article.VisibleAt > query.AsOf);
        }

        return new Pass(milliseconds, hits, shortQueries, violations);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private sealed record Pass(List<double> Milliseconds, long Hits, int ShortQueries, int Violations);
}
