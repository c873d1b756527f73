using FutureSim.Core.Runs;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// An entry's model usage summed over its seeds (from each run's <see cref="RunFolderLayout.ModelUsage"/> of the
/// agent): agent days with usage, answered model calls, input and output tokens, and cost in US dollars.
/// </summary>
public sealed record UsageSummary(int Days, int Calls, long InputTokens, long OutputTokens, double Cost)
{
    /// <summary>The sum of <paramref name="rows"/>, or null when there are none (the agent calls no model).</summary>
    public static UsageSummary? Of(IEnumerable<ModelUsage> rows)
    {
        var list = rows.ToList();
        return list.Count == 0
            ? null
            : new UsageSummary(list.Count, list.Sum(d => d.Calls), list.Sum(d => d.InputTokens), list.Sum(d => d.OutputTokens), list.Sum(d => d.Cost));
    }

    /// <summary>The sum of two summaries (either may be null).</summary>
    public static UsageSummary? Add(UsageSummary? a, UsageSummary? b) =>
        a is null ? b : b is null ? a
        : new UsageSummary(a.Days + b.Days, a.Calls + b.Calls, a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.Cost + b.Cost);
}
