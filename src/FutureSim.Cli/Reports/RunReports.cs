using System.CommandLine;
using System.Collections.Immutable;
using System.Text;
using FutureSim.Cli.Running;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Verdicts;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Reports;

/// <summary>
/// Scores run folders and writes what is derived from them — <c>daily_metrics.csv</c>, the leaderboard in every
/// format of <see cref="Exporters"/>, and its charts — reading nothing but the run folders.
/// </summary>
internal sealed class RunReports(AnswerMatching matching, ILogger<RunReports> logger)
{
    /// <summary>The leaderboard formats of <c>--format</c> and the files written beside each other, in order. A new format is one more exporter here.</summary>
    public static ImmutableArray<ILeaderboardExporter> Exporters { get; } = LeaderboardExporters.BuiltIn;

    public static ImmutableArray<string> Formats { get; } = [.. Exporters.Select(e => e.Format)];

    public async Task<ScoredRun> ScoreAsync(string runFolder, CancellationToken cancellationToken) =>
        (await ScoreAllAsync([runFolder], cancellationToken))[0];

    /// <summary>Reads the run folders side by side, then scores them one by one (the answer matcher may ask a judge), in order.</summary>
    public async Task<IReadOnlyList<ScoredRun>> ScoreAllAsync(IReadOnlyList<string> runFolders, CancellationToken cancellationToken)
    {
        var scored = new List<ScoredRun>(runFolders.Count);
        var records = RunFolderReader.ReadAll(runFolders);
        for (var i = 0; i < records.Length; i++)
        {
            foreach (var warning in records[i].Warnings)
            {
                logger.LogWarning("{Warning}", warning.ToString());
            }

            // An imported run carries the verdicts its judge gave; they come before the configured matcher.
            scored.Add(await RunScorer.ScoreAsync(records[i], RecordedVerdictMatcher.For(runFolders[i], matching.Matcher), ScoringOptions.Default, cancellationToken));
        }

        return scored;
    }

    /// <summary>
    /// Rescores one run folder and rewrites its derived files. Returns its leaderboard as soon as the text
    /// files are written; <paramref name="beforeCharts"/> sees it before the charts are drawn.
    /// </summary>
    public async Task<(ScoredRun Scores, Leaderboard Board)> RescoreAsync(string runFolder, Func<Leaderboard, Task>? beforeCharts, CancellationToken cancellationToken)
    {
        var scores = await ScoreAsync(runFolder, cancellationToken);
        await WriteAsync(Path.Combine(runFolder, RunFolderLayout.DailyMetrics), DailyMetricsCsv.Render(scores), cancellationToken);
        var board = Leaderboard.Build([scores], LeaderboardOptions.Default);
        await WriteLeaderboardAsync(board, runFolder, beforeCharts, cancellationToken);
        return (scores, board);
    }

    /// <summary>Writes the leaderboard in every format (<see cref="Exporters"/>), then the charts they reference.</summary>
    public static async Task WriteLeaderboardAsync(Leaderboard board, string folder, Func<Leaderboard, Task>? beforeCharts, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var charts = ChartWriter.Plan(board);
        var report = new LeaderboardReport(board, charts.References);
        foreach (var exporter in Exporters)
        {
            await WriteAsync(Path.Combine(folder, exporter.FileName), exporter.Export(report), cancellationToken);
        }

        if (beforeCharts is not null)
        {
            await beforeCharts(board);
        }

        charts.Draw(folder);
    }

    /// <summary>The leaderboard in one format (without charts), as printed.</summary>
    public static string Render(Leaderboard board, string format) =>
        Exporters.Single(e => e.Format == format).Export(new LeaderboardReport(board));

    /// <summary>
    /// <c>--format</c> of the verbs that print a leaderboard: by default the compact table on a terminal
    /// (<see cref="TerminalLeaderboard"/>) and the full Markdown when standard output is redirected.
    /// </summary>
    public static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"What to print: {string.Join(", ", formats)} (default: {TerminalLeaderboard.Format} on a terminal, md when standard output is redirected).",
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
}
