using System.Globalization;
using System.Text;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Interop.Scoring;
using FutureSim.Interop.Verdicts;
using ScottPlot;

namespace FutureSim.Cli.Reports;

/// <summary>
/// FutureSim's own view of run folders, beside our leaderboard: its daily BSS and top-1 accuracy per run, the
/// means over seeds and bootstrap standard deviations per agent (<c>futuresim-leaderboard.json</c>,
/// <c>futuresim-runs.json</c>) and the daily curves per agent (<c>charts/futuresim-*.png</c>).
/// </summary>
internal static class FutureSimView
{
    public static async Task<FutureSimLeaderboard> BuildAsync(IEnumerable<string> runFolders, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var runs = new List<FutureSimRunScores>();
        foreach (var folder in runFolders)
        {
            var record = RunFolderReader.Read(folder);
            runs.AddRange(await FutureSimDailyScorer.ScoreAsync(record, RecordedVerdictMatcher.For(folder, matcher), cancellationToken));
        }

        return FutureSimLeaderboard.Build(runs);
    }

    /// <summary>Whether any run was imported from FutureSim (its view is then printed beside ours).</summary>
    public static bool HasImports(FutureSimLeaderboard board) => board.Runs.Any(r => r.Provenance?.Format.StartsWith("futuresim", StringComparison.Ordinal) == true);

    public static async Task WriteAsync(FutureSimLeaderboard board, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        await File.WriteAllTextAsync(Path.Combine(folder, FutureSimLeaderboardJson.LeaderboardFile), FutureSimLeaderboardJson.Leaderboard(board), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, FutureSimLeaderboardJson.RunsFile), FutureSimLeaderboardJson.Runs(board), new UTF8Encoding(false), cancellationToken);
        Parallel.Invoke(
            () => Curves(board, p => p.BrierSkillScoreMean, p => p.BrierSkillScoreStd, "FutureSim brier_skill_score per day (mean over seeds ± bootstrap std)", "brier_skill_score")
                .SavePng(Path.Combine(folder, "charts", "futuresim-brier-skill-score.png"), 900, 560),
            () => Curves(board, p => p.Top1AccuracyMean, p => p.Top1AccuracyStd, "FutureSim top1_accuracy per day (mean over seeds ± bootstrap std)", "top1_accuracy (%)")
                .SavePng(Path.Combine(folder, "charts", "futuresim-top1-accuracy.png"), 900, 560));
    }

    /// <summary>The final day per agent and per run, under FutureSim's metric names.</summary>
    public static string Markdown(FutureSimLeaderboard board)
    {
        var text = new StringBuilder("\n## FutureSim's view (brier_skill_score and top1_accuracy: Σ over all free-form questions / their number, FutureSim's matching)\n\n");
        text.Append("| agent | seeds | day | brier_skill_score mean | std | top1_accuracy % mean | std |\n|---|---:|---|---:|---:|---:|---:|\n");
        foreach (var agent in board.Agents.OrderByDescending(a => a.Points[^1].BrierSkillScoreMean))
        {
            var p = agent.Points[^1];
            text.Append(CultureInfo.InvariantCulture,
                $"| {agent.AgentName} | {agent.SeedCount} | {p.Day:yyyy-MM-dd} | {p.BrierSkillScoreMean:F4} | {p.BrierSkillScoreStd:F4} | {p.Top1AccuracyMean:F2} | {p.Top1AccuracyStd:F2} |\n");
        }

        text.Append("\n| run | agent | seed | brier_skill_score | top1_accuracy % |\n|---|---|---|---:|---:|\n");
        foreach (var run in board.Runs)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {run.RunId} | {run.AgentName} | {run.SeedLabel} | {run.Daily[^1].BrierSkillScore:F4} | {run.Daily[^1].Top1Accuracy:F2} |\n");
        }

        return text.ToString();
    }

    private static Plot Curves(FutureSimLeaderboard board, Func<FutureSimAgentPoint, double> mean, Func<FutureSimAgentPoint, double> std, string title, string axis)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        foreach (var agent in board.Agents)
        {
            var color = palette.GetColor(i++);
            var xs = agent.Points.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var band = plot.Add.FillY(xs, [.. agent.Points.Select(p => mean(p) + std(p))], [.. agent.Points.Select(p => mean(p) - std(p))]);
            band.FillColor = color.WithAlpha(0.15);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, [.. agent.Points.Select(mean)]);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{agent.AgentName} ({agent.SeedCount})";
        }

        return ChartWriter.OverTimeAxes(plot, title, axis, zeroLine: true);
    }
}
