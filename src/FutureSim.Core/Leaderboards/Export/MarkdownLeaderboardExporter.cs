using System.Globalization;
using System.Text;
using FutureSim.Core.Scoring;
using static FutureSim.Core.Leaderboards.Export.LeaderboardLayout;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// The leaderboard as a Markdown report: a ranked table per kind of question, calibration, abstentions and
/// failures, paired comparisons, the charts, the formula of every column, the runs, and model usage.
/// </summary>
internal sealed class MarkdownLeaderboardExporter : ILeaderboardExporter
{
    private const int AllPairsUpTo = 6;

    public string Format => "md";

    public string FileName => LeaderboardExporters.BaseName + ".md";

    public string Export(LeaderboardReport report)
    {
        var (board, charts) = (report.Board, report.Charts);
        var md = new StringBuilder();
        var level = Level(board.Options);
        md.Append("# FutureSim leaderboard\n\n");
        md.Append($"{Number(board.Runs.Length)} runs, {Number(board.Entries.Length)} entries (agent × configuration, seeds pooled). ");
        md.Append($"Scores on each run's last completed day; [brackets]: {level} % bootstrap interval over seeds and questions ");
        md.Append($"({Number(board.Options.Resamples)} resamples, seed {Number(board.Options.Seed)}).\n");
        if (board.Entries.Any(e => e.Unsandboxed))
        {
            md.Append("Agents marked (unsandboxed) ran a shell outside the sandbox and could have read the answers.\n");
        }

        foreach (var kind in Kinds)
        {
            var ranked = Ranked(board, kind);
            if (ranked.Count == 0)
            {
                continue;
            }

            var metrics = LeaderboardMetrics.Of(kind);
            md.Append($"\n## {LeaderboardMetric.KindTitle(kind)}\n\n");
            Table(md, ["Rank", "Agent", "Config", "Seeds", "Questions", "Coverage", .. metrics.Select(m => m.Header), "ECE"],
                ranked.Select(e => e.Of(kind)!).Zip(ranked).Select(p => (IReadOnlyList<string>)[
                    Number(p.First.Rank), AgentLabel(p.Second), p.Second.ConfigurationId, Number(p.First.Seeds), Number(p.First.Questions),
                    Fixed(p.First.Coverage, TextDecimals), .. metrics.Select(m => Cell(m, p.First[m])), Ece(p.First.Calibration)]));
        }

        md.Append("\n## Calibration\n\n");
        Table(md, ["Agent", "Config", "Kind", "Forecasts", "ECE (width)", "ECE (count)", "Sharpness", "Brier", "REL", "RES", "UNC", "WBV", "WBC"],
            Summaries(board).Where(c => c.Summary.Calibration.Count > 0).Select(c => (IReadOnlyList<string>)[
                c.Entry.Agent, c.Entry.ConfigurationId, LeaderboardMetric.KindLabel(c.Summary.Kind), Number(c.Summary.Calibration.Count),
                Fixed(c.Summary.Calibration.ExpectedCalibrationError, TextDecimals), Fixed(c.Summary.CalibrationEqualCount.ExpectedCalibrationError, TextDecimals),
                .. Murphy(c.Summary.Calibration)]));

        md.Append("\n## Abstentions and failures\n\n");
        Table(md, ["Agent", "Config", "Runs", "Failed runs", "Incomplete runs", "Abstentions (free-form)", "Abstentions (binary)", "Submissions", "Refusals", "Agent failures"],
            board.Entries.Select(e => (IReadOnlyList<string>)[
                e.Agent, e.ConfigurationId, Number(e.RunIds.Length), Number(e.FailedRuns), Number(e.IncompleteRuns),
                e.FreeForm is { } f ? Number(f.Abstentions) : "",
                e.Binary is { } b ? Number(b.Abstentions) : "",
                Number(e.Submissions), Number(e.Refusals),
                FailuresText(e)]));

        Comparisons(md, board, level);
        if (charts.Length > 0)
        {
            md.Append("\n## Charts\n\n");
            foreach (var chart in charts)
            {
                md.Append($"![{chart.Caption}]({chart.RelativePath})\n\n");
            }
        }

        md.Append(charts.Length > 0 ? "## Formulas\n\n" : "\n## Formulas\n\n");
        foreach (var metric in LeaderboardMetrics.All)
        {
            md.Append($"- **{metric.Header}** ({LeaderboardMetric.KindLabel(metric.Kind)}; over {metric.Denominator}): {metric.Formula(board.Scoring)}.\n");
        }

        foreach (var note in LeaderboardNotes.All)
        {
            md.Append($"- **{note.Id}**: {note.Text(board.Options)}.\n");
        }

        md.Append("\nRuns: ");
        md.Append(string.Join(", ", board.Runs.Select(r => $"{r.RunId} ({Status(r)})")));
        md.Append(".\n");
        ModelUsage(md, board);
        return md.ToString();
    }

    private static IEnumerable<string> Murphy(CalibrationSummary c) =>
        new[] { c.Sharpness, c.Brier, c.Reliability, c.Resolution, c.Uncertainty, c.WithinBinVariance, c.WithinBinCovariance }
            .Select(v => Fixed(v, TextDecimals));

    private static void Comparisons(StringBuilder md, Leaderboard board, string level)
    {
        if (board.Comparisons.Length == 0)
        {
            return;
        }

        // Beyond a handful of entries all pairs drown the table: show neighbours in rank order, the JSON has every pair.
        var neighbours = Neighbours(board).ToHashSet();
        var shown = board.Comparisons.Where(neighbours.Contains).ToList();
        md.Append("\n## Paired comparisons\n\n");
        if (shown.Count < board.Comparisons.Length)
        {
            md.Append("Each entry against the next in rank; the JSON output lists every pair.\n\n");
        }

        Table(md, ["Kind", "Metric", "A", "B", "A − B", $"{level} % interval", "p"],
            shown.Select(c => (IReadOnlyList<string>)[
                c.Kind, c.Metric.Id, c.A, c.B, Signed(c.Difference.Value, TextDecimals),
                $"[{Signed(c.Difference.Lower, TextDecimals)}, {Signed(c.Difference.Upper, TextDecimals)}]", Fixed(c.PValue, TextDecimals)]));
    }

    /// <summary>All comparisons of a kind with few entries, else each entry against the next in rank.</summary>
    private static IEnumerable<PairedComparison> Neighbours(Leaderboard board)
    {
        foreach (var group in board.Comparisons.GroupBy(c => c.Kind))
        {
            var entries = group.Select(c => c.A).Concat(group.Select(c => c.B)).Distinct().Count();

            // Pairs come in rank order, so an entry's first pair is the one with its nearest follower.
            var shown = entries <= AllPairsUpTo ? group : group.GroupBy(c => c.A).Select(g => g.First());
            foreach (var c in shown)
            {
                yield return c;
            }
        }
    }

    /// <summary>Model calls, tokens and cost per agent (its configurations summed), when any agent called a model.</summary>
    private static void ModelUsage(StringBuilder md, Leaderboard board)
    {
        if (!HasModelUsage(board))
        {
            return;
        }

        md.Append("\n## Model usage\n\nSummed over the runs from each agent's `agents/<name>/usage.csv`; cost = input tokens × input price + output tokens × output price (per million tokens, as configured).\n\n");
        md.Append("| Agent | Days | Model calls | Input tokens | Output tokens | Cost |\n|---|---|---|---|---|---|\n");
        foreach (var agent in board.Entries.Where(e => e.ModelUsage is not null).GroupBy(e => e.Agent, StringComparer.Ordinal))
        {
            var t = agent.Aggregate((UsageSummary?)null, (sum, e) => UsageSummary.Add(sum, e.ModelUsage))!;
            md.Append(CultureInfo.InvariantCulture, $"| {agent.Key} | {t.Days} | {t.Calls} | {t.InputTokens} | {t.OutputTokens} | {t.Cost:0.0000} |\n");
        }
    }

    private static string Ece(CalibrationSummary calibration) =>
        calibration.Count == 0 ? "n/a" : Fixed(calibration.ExpectedCalibrationError, TextDecimals);

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        md.Append('|').Append(string.Concat(headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }
    }
}
