using System.Globalization;
using System.Text;

namespace FutureSim.Interop.Scoring;

/// <summary>
/// Compares recomputed FutureSim metrics with official ones: per run and per agent, the final-day BSS and top-1
/// accuracy, the largest daily difference, and a verdict — "holds" when the final day is within the final-day
/// tolerances and every day within the daily tolerances, "final holds" when only the final day is.
/// </summary>
public static class OfficialComparison
{
    public sealed record Tolerances(double FinalBss = 0.001, double FinalAccuracy = 0.31, double DailyBss = 0.005, double DailyAccuracy = 0.5);

    public static string Markdown(OfficialMetrics ours, OfficialMetrics official, Tolerances tolerances)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Tolerances: final day ±{tolerances.FinalBss} BSS and ±{tolerances.FinalAccuracy} pp top-1; every day ±{tolerances.DailyBss} BSS and ±{tolerances.DailyAccuracy} pp. BSS and top-1 are FutureSim's (Σ over all questions / their number).\n");
        if (!official.Runs.IsEmpty)
        {
            text.Append("\n## Per run\n\n| agent | seed | run id | BSS official | recomputed | Δ | top-1 % official | recomputed | Δ pp | largest daily Δ BSS | largest daily Δ pp | days beyond | verdict |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            int holds = 0, count = 0;
            double bssError = 0, accuracyError = 0;
            foreach (var run in official.Runs)
            {
                var mine = ours.Runs.FirstOrDefault(r => r.Agent == run.Agent && r.RunId == run.RunId);
                if (mine.Daily is null)
                {
                    mine = ours.Runs.FirstOrDefault(r => r.Agent == run.Agent && r.Seed == run.Seed);
                }

                if (mine.Daily is null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {run.Agent} | {run.Seed} | {run.RunId} | | | | | | | | | | not recomputed |\n");
                    continue;
                }

                var row = Row(mine.Daily, run.Daily, tolerances);
                count++;
                holds += row.Final ? 1 : 0;
                bssError += Math.Abs(row.DeltaBss);
                accuracyError += Math.Abs(row.DeltaAccuracy);
                text.Append(CultureInfo.InvariantCulture, $"| {run.Agent} | {run.Seed} | {run.RunId} | {row.Cells} |\n");
            }

            if (count > 0)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\nFinal day within tolerance: {holds} of {count} runs; mean absolute difference {F(bssError / count, 5)} BSS, {F(accuracyError / count, 3)} pp.\n");
            }
        }

        text.Append("\n## Per agent (means over seeds)\n\n| agent | BSS official | recomputed | Δ | top-1 % official | recomputed | Δ pp | largest daily Δ BSS | largest daily Δ pp | days beyond | verdict |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var (agent, daily) in official.Agents)
        {
            text.Append(ours.Agents.TryGetValue(agent, out var mine)
                ? $"| {agent} | {Row(mine, daily, tolerances).Cells} |\n"
                : $"| {agent} | | | | | | | | | | not recomputed |\n");
        }

        return text.ToString();
    }

    private static (string Cells, bool Final, double DeltaBss, double DeltaAccuracy) Row(
        IReadOnlyDictionary<DateOnly, (double Bss, double Accuracy)> ours, IReadOnlyDictionary<DateOnly, (double Bss, double Accuracy)> official, Tolerances t)
    {
        var days = official.Keys.Where(ours.ContainsKey).Order().ToList();
        if (days.Count == 0)
        {
            return ("— | — | — | — | — | — | — | — | 0 | no common day", false, 0, 0);
        }

        var last = days[^1];
        var (o, m) = (official[last], ours[last]);
        var worstBss = days.MaxBy(d => Math.Abs(ours[d].Bss - official[d].Bss));
        var worstAccuracy = days.MaxBy(d => Math.Abs(ours[d].Accuracy - official[d].Accuracy));
        var beyond = days.Count(d => Math.Abs(ours[d].Bss - official[d].Bss) > t.DailyBss || Math.Abs(ours[d].Accuracy - official[d].Accuracy) > t.DailyAccuracy);
        var final = Math.Abs(m.Bss - o.Bss) <= t.FinalBss && Math.Abs(m.Accuracy - o.Accuracy) <= t.FinalAccuracy;
        var verdict = final && beyond == 0 ? "holds" : final ? $"final holds; {beyond} day(s) beyond" : "**differs**";
        var cells = string.Create(CultureInfo.InvariantCulture,
            $"{F(o.Bss, 4)} | {F(m.Bss, 4)} | {S(m.Bss - o.Bss, 4)} | {F(o.Accuracy, 2)} | {F(m.Accuracy, 2)} | {S(m.Accuracy - o.Accuracy, 2)} | {S(ours[worstBss].Bss - official[worstBss].Bss, 4)} ({worstBss:MM-dd}) | {S(ours[worstAccuracy].Accuracy - official[worstAccuracy].Accuracy, 2)} ({worstAccuracy:MM-dd}) | {beyond} | {verdict}");
        return (cells, final, m.Bss - o.Bss, m.Accuracy - o.Accuracy);
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string S(double value, int decimals) => (value >= 0 ? "+" : "") + F(value, decimals);
}
