using System.Diagnostics;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;

namespace FutureSim.Benchmarks.Scoring;

/// <summary>
/// Times what <c>futuresim leaderboard</c> does at FutureSim's published scale: run folders on disk (several seeds per
/// configuration, written beforehand and not timed) are read and scored, pooled into a bootstrap leaderboard, and
/// exported in every built-in format. Checks that every forecast written was scored and that seeds pooled.
/// </summary>
public static class ScoringBenchmark
{
    public static async Task<ScoringBenchmarkReport> RunAsync(ScoringBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Configurations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Seeds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Questions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        var root = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "futuresim-bench-scoring-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = (
                from configuration in Enumerable.Range(1, options.Configurations)
                from seed in Enumerable.Range(1, options.Seeds)
                select BenchmarkRunFolders.Write(root, configuration, seed, options)).ToList();

            var started = Stopwatch.GetTimestamp();
            var scored = new List<ScoredRun>(written.Count);
            foreach (var (folder, _) in written)
            {
                scored.Add(await RunScorer.ScoreAsync(RunFolderReader.Read(folder), NormalisingAnswerMatcher.Instance, ScoringOptions.Default, cancellationToken));
            }

            var scoring = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var board = Leaderboard.Build(scored, LeaderboardOptions.Default with { Resamples = options.Resamples });
            var bootstrap = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var report = new LeaderboardReport(board);
            var rendered = LeaderboardExporters.BuiltIn.Sum(e => e.Export(report).Length);
            var rendering = Stopwatch.GetElapsedTime(started);
            return new ScoringBenchmarkReport(
                options.Configurations, options.Seeds, options.Questions, options.Days, written.Sum(w => w.Forecasts), options.Resamples,
                scoring.TotalSeconds, bootstrap.TotalSeconds, rendering.TotalSeconds, rendered,
                scored.Sum(r => r.Agents.Sum(a => a.Submissions)), board.Entries.Length, board.Entries.Sum(e => e.RunIds.Length));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
