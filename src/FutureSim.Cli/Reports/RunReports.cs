using System.Collections.Immutable;
using System.Text;
using FutureSim.Cli.Running;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Verdicts;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Reports;

/// <summary>
/// Scores run folders and writes what is derived from them — <c>daily_metrics.csv</c>, the leaderboard
/// in Markdown, CSV and JSON, and its charts — reading nothing but the run folders.
/// </summary>
internal sealed class RunReports(AnswerMatching matching, ILogger<RunReports> logger)
{
    public const string LeaderboardName = "leaderboard";

    public async Task<RunScores> ScoreAsync(string runFolder, CancellationToken cancellationToken)
    {
        var record = RunFolderReader.Read(runFolder);
        foreach (var warning in record.Warnings)
        {
            logger.LogWarning("{Warning}", warning.ToString());
        }

        return await RunScorer.ScoreAsync(record, RecordedVerdictMatcher.For(runFolder, matching.Matcher), ScoringOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Rescores one run folder and rewrites its derived files. Returns its leaderboard as soon as the text
    /// files are written; <paramref name="beforeCharts"/> sees it before the charts are drawn.
    /// </summary>
    public async Task<(RunScores Scores, Leaderboard Board)> RescoreAsync(string runFolder, Func<Leaderboard, Task>? beforeCharts, CancellationToken cancellationToken)
    {
        var scores = await ScoreAsync(runFolder, cancellationToken);
        await WriteAsync(Path.Combine(runFolder, RunFolderLayout.DailyMetrics), DailyMetricsCsv.Render(scores), cancellationToken);
        var board = Leaderboard.Build([scores], LeaderboardOptions.Default);
        await WriteLeaderboardAsync(board, runFolder, [runFolder], beforeCharts, cancellationToken);
        return (scores, board);
    }

    /// <summary>Writes <c>leaderboard.md</c>, <c>.csv</c>, <c>.json</c>, then the charts the Markdown references.</summary>
    public static async Task WriteLeaderboardAsync(
        Leaderboard board, string folder, IEnumerable<string> runFolders, Func<Leaderboard, Task>? beforeCharts, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var charts = ChartWriter.Plan(board);
        await WriteAsync(Path.Combine(folder, LeaderboardName + ".md"), Markdown(board, runFolders, charts.References), cancellationToken);
        await WriteAsync(Path.Combine(folder, LeaderboardName + ".csv"), LeaderboardRenderer.Csv(board), cancellationToken);
        await WriteAsync(Path.Combine(folder, LeaderboardName + ".json"), LeaderboardRenderer.Json(board), cancellationToken);
        if (beforeCharts is not null)
        {
            await beforeCharts(board);
        }

        charts.Draw(folder);
    }

    public static string Render(Leaderboard board, string format, IEnumerable<string> runFolders) => format switch
    {
        "csv" => LeaderboardRenderer.Csv(board),
        "json" => LeaderboardRenderer.Json(board),
        _ => Markdown(board, runFolders),
    };

    /// <summary>The Markdown leaderboard, with the model-usage table of LLM agents when there are any.</summary>
    public static string Markdown(Leaderboard board, IEnumerable<string> runFolders, IReadOnlyList<ChartReference>? charts = null) =>
        LeaderboardRenderer.Markdown(board, charts) + ModelUsageSection.Markdown(runFolders);

    public static ImmutableArray<string> Formats { get; } = ["md", "csv", "json"];

    private static Task WriteAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
}
