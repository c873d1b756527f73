using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Runs;

namespace FutureSim.Interop.Traces;

/// <summary>The import report as Markdown (printed and written) and JSON.</summary>
public static class TraceImportReportText
{
    public static string Markdown(TraceImportReport report, double bssTolerance = 0.001, double accuracyTolerance = 0.31)
    {
        var text = new StringBuilder();
        var matcher = report.Verdicts == VerdictSource.Inferred
            ? "judge verdicts inferred from FutureSim's printed per-question results, normalised string matcher for the rest"
            : "normalised string matcher (case, whitespace, punctuation, diacritics)";
        text.Append(CultureInfo.InvariantCulture, $"# Import of FutureSim's published runs\n\nSource: `{report.Source}`. Questions recovered: {report.Questions}. Matching: {matcher}.\n\n");
        foreach (var problem in report.QuestionProblems)
        {
            text.Append("- ").Append(problem).Append('\n');
        }

        text.Append("\n## Reproduction of the published final day (FutureSim's daily convention: Σ over all questions / their number)\n\n");
        text.Append("| run | seed | official run id | BSS | published | Δ | top-1 % | published | Δ pp | within ±")
            .Append(F(bssTolerance, 3)).Append(" / ±").Append(F(accuracyTolerance, 2)).Append(" pp |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        int within = 0, compared = 0;
        double bssError = 0, accuracyError = 0;
        foreach (var run in report.Runs)
        {
            var f = run.Final;
            string ok = "n/a";
            if (f.PublishedBss is { } pb && f.PublishedAccuracy is { } pa)
            {
                var good = Math.Abs(f.Bss - pb) <= bssTolerance && Math.Abs(f.Accuracy - pa) <= accuracyTolerance;
                within += good ? 1 : 0;
                compared++;
                bssError += Math.Abs(f.Bss - pb);
                accuracyError += Math.Abs(f.Accuracy - pa);
                ok = good ? "yes" : "**no**";
            }

            text.Append(CultureInfo.InvariantCulture, $"| {run.Agent} | {run.SeedLabel} | {run.OfficialRunId} | {F(f.Bss, 4)} | {F(f.PublishedBss, 4)} | {Signed(f.Bss - f.PublishedBss, 4)} | {F(f.Accuracy, 2)} | {F(f.PublishedAccuracy, 2)} | {Signed(f.Accuracy - f.PublishedAccuracy, 2)} | {ok} |\n");
        }

        if (compared > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{within} of {compared} runs within tolerance; mean absolute difference {F(bssError / compared, 5)} BSS, {F(accuracyError / compared, 3)} pp.\n");
        }

        text.Append("\n## Per run\n\n| run | seed | forecasts | from workspace | refused: inactive at server | >5 outcomes | other | by environment | restarts | retried next_day | lost | questions pinned / top unknown / ambiguous / inconsistent | pairs inferred | pooled | string-matched | skipped shards | unmatched days |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        foreach (var r in report.Runs)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Agent} | {r.SeedLabel} | {r.Forecasts} | {r.WorkspaceForecasts} | {r.RefusedInactiveAtServer} | {r.RefusedTooManyOutcomes} | {r.RefusedOther} | {r.RefusedByEnvironment} | {r.Restarts} | {r.RetriedNextDays} | {r.LostForecasts} | {r.QuestionsPinned} / {r.QuestionsTopUnknown} / {r.QuestionsAmbiguous} / {r.QuestionsInconsistent} | {r.PairsInferred} | {r.PairsPooled} | {r.PairsStringMatched} | {r.SkippedShards.Length} | {r.UnmatchedDays.Length} |\n");
        }

        var unmatched = report.Runs.SelectMany(r => r.UnmatchedDays.Select(d => (r, d))).ToList();
        text.Append(CultureInfo.InvariantCulture, $"\n## Run-days beyond the daily tolerance ({unmatched.Count})\n\n");
        foreach (var group in unmatched.GroupBy(u => (u.r.Agent, u.r.SeedLabel, u.d.Reason)))
        {
            var days = group.Select(g => g.d).ToList();
            var worst = days.MaxBy(d => Math.Abs(d.Bss - d.PublishedBss))!;
            text.Append(CultureInfo.InvariantCulture,
                $"- {group.Key.Agent} {group.Key.SeedLabel}: {days.Count} day(s) {days[0].Day:yyyy-MM-dd}…{days[^1].Day:yyyy-MM-dd} (worst {worst.Day:yyyy-MM-dd}: BSS {F(worst.Bss, 4)} vs {F(worst.PublishedBss, 4)}, top-1 {F(worst.Accuracy, 2)} vs {F(worst.PublishedAccuracy, 2)}) — {group.Key.Reason}.\n");
        }

        foreach (var run in report.Runs.Where(r => !r.SkippedShards.IsEmpty))
        {
            foreach (var shard in run.SkippedShards)
            {
                text.Append("- skipped: ").Append(shard).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Json(TraceImportReport report) => JsonSerializer.Serialize(report, RunFormat.IndentedJson) + "\n";

    private static string F(double? value, int decimals) =>
        value is { } v ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";

    private static string Signed(double? value, int decimals) =>
        value is { } v ? (v >= 0 ? "+" : "") + v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";
}
