using System.Diagnostics;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using Microsoft.Extensions.Logging;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// The keyword index at FutureSim's scale: writes a <see cref="SyntheticNewsCorpus"/> file, builds a fresh
/// index from it as a user would (strict policy, bad records fail), and times time-gated top-10 queries
/// (the query texts of a retrieval query file, after a warm-up pass) as of several instants of the
/// simulated window, re-checking every hit against the cutoff.
/// </summary>
public static class ScaleBenchmark
{
    /// <summary>The instants queried: the first, middle and last day of the simulated window (end of day).</summary>
    public static IReadOnlyList<DateTimeOffset> Instants { get; } =
    [
        DenseSearchBenchmark.WindowStart.AddDays(1).AddTicks(-1),
        DenseSearchBenchmark.WindowStart.AddDays(45).AddTicks(-1),
        DenseSearchBenchmark.Last.AddDays(1).AddTicks(-1),
    ];

    /// <param name="articles">Synthetic articles (FutureSim: 7,360,000).</param>
    /// <param name="ccNewsLength">Bodies of about 3,000 characters instead of 1.5 news items.</param>
    /// <param name="sourcePaths">The news whose items are resampled.</param>
    /// <param name="queriesFile">Query texts (their own instants are replaced by <see cref="Instants"/>).</param>
    /// <param name="workDirectory">An empty or absent folder for the corpus file and the index.</param>
    /// <param name="time">Wall time for the measurements.</param>
    /// <param name="logger">Build log; nothing when null.</param>
    /// <param name="ct">Cancels.</param>
    public static ScaleBenchmarkReport Run(
        int articles,
        bool ccNewsLength,
        IReadOnlyList<string> sourcePaths,
        string queriesFile,
        string workDirectory,
        TimeProvider time,
        ILogger? logger,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Directory.Exists(workDirectory) && Directory.EnumerateFileSystemEntries(workDirectory).Any())
        {
            throw new ArgumentException($"The benchmark writes a fresh corpus and index: {workDirectory} must be empty or absent.", nameof(workDirectory));
        }

        Directory.CreateDirectory(workDirectory);
        var texts = RetrievalQueryFile.Read(queriesFile).Select(q => q.Query).Distinct(StringComparer.Ordinal).ToList();
        var corpusFile = Path.Combine(workDirectory, "articles.jsonl");
        var started = time.GetTimestamp();
        var inWindow = SyntheticNewsCorpus.Write(corpusFile, articles, ccNewsLength, sourcePaths, seed: 73_600_000, ct);
        var writeSeconds = time.GetElapsedTime(started).TotalSeconds;
        var corpusBytes = new FileInfo(corpusFile).Length;

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        started = time.GetTimestamp();
        var (corpus, build) = LuceneCorpus.OpenOrBuild(
            Path.Combine(workDirectory, "index"), [corpusFile], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, logger, ct);
        using (corpus)
        {
            var buildSeconds = time.GetElapsedTime(started).TotalSeconds;
            process.Refresh();
            var buildCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var peak = process.PeakWorkingSet64;
            var rows = new List<ScaleBenchmarkRow>();
            foreach (var asOf in Instants)
            {
                var queries = texts.Select(t => new RetrievalQuery(t, asOf, 10)).ToList();
                var warmUp = RetrievalBenchmark.WarmUp(() => RetrievalBenchmark.Measure(corpus, corpus.StoredVisibleAt, queries, SearchMode.Keyword, time, ct));
                process.Refresh();
                var cpuBeforePass = process.TotalProcessorTime;
                var timed = RetrievalBenchmark.Measure(corpus, corpus.StoredVisibleAt, queries, SearchMode.Keyword, time, ct);
                process.Refresh();
                var cpuPerQuery = (process.TotalProcessorTime - cpuBeforePass).TotalMilliseconds / queries.Count;
                rows.Add(new ScaleBenchmarkRow(
                    asOf,
                    corpus.At(asOf).CountArrivedSince(DateTimeOffset.MinValue),
                    queries.Count,
                    timed.Latency.P50,
                    timed.Latency.P99,
                    cpuPerQuery,
                    warmUp.Violations + timed.Violations));
            }

            process.Refresh();
            return new ScaleBenchmarkReport
            {
                Articles = build.DocumentsAdded,
                InLast88Days = inWindow,
                CcNewsLength = ccNewsLength,
                CorpusBytes = corpusBytes,
                WriteSeconds = writeSeconds,
                BuildSeconds = buildSeconds,
                BuildCpuSeconds = buildCpuSeconds,
                DocumentsPerSecond = build.DocumentsAdded / buildSeconds,
                IndexBytes = build.IndexBytes,
                PeakWorkingSetBytes = peak,
                PeakWorkingSetAfterQueriesBytes = process.PeakWorkingSet64,
                Instants = rows,
            };
        }
    }
}
