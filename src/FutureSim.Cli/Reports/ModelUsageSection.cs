using System.Globalization;
using System.Text;
using FutureSim.Agents.Llm;

namespace FutureSim.Cli.Reports;

/// <summary>The leaderboard's model-usage table: calls, tokens and cost per agent, summed over the given run folders (from each agent's <c>usage.csv</c>).</summary>
internal static class ModelUsageSection
{
    /// <summary>The Markdown section, or an empty string when no agent called a model.</summary>
    public static string Markdown(IEnumerable<string> runFolders)
    {
        var totals = new SortedDictionary<string, (int Calls, long Input, long Output, double Cost, int Days)>(StringComparer.Ordinal);
        foreach (var run in runFolders)
        {
            foreach (var (agent, days) in ModelUsageFile.ReadRun(run))
            {
                var t = totals.GetValueOrDefault(agent);
                totals[agent] = (t.Calls + days.Sum(d => d.Calls), t.Input + days.Sum(d => d.InputTokens), t.Output + days.Sum(d => d.OutputTokens), t.Cost + days.Sum(d => d.Cost), t.Days + days.Length);
            }
        }

        if (totals.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("\n## Model usage\n\nSummed over the runs from each agent's `agents/<name>/usage.csv`; cost = input tokens × input price + output tokens × output price (per million tokens, as configured).\n\n");
        text.Append("| Agent | Days | Model calls | Input tokens | Output tokens | Cost |\n|---|---|---|---|---|---|\n");
        foreach (var (agent, t) in totals)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {agent} | {t.Days} | {t.Calls} | {t.Input} | {t.Output} | {t.Cost:0.0000} |\n");
        }

        return text.ToString();
    }
}
