using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>What the exporters share: decimals, the order rows are shown in, and the words for kinds and runs.</summary>
internal static class LeaderboardLayout
{
    /// <summary>Decimals of numbers people read (Markdown).</summary>
    public const int TextDecimals = 3;

    /// <summary>Decimals of numbers programs read (CSV, JSON).</summary>
    public const int DataDecimals = 6;

    /// <summary>Kinds in output order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [LeaderboardMetric.FreeFormKind, LeaderboardMetric.BinaryKind];

    /// <summary>The entries with questions of <paramref name="kind"/>, in rank order.</summary>
    public static List<LeaderboardEntry> Ranked(Leaderboard board, string kind) =>
        [.. board.Entries.Where(e => e.Of(kind) is not null).OrderBy(e => e.Of(kind)!.Rank)];

    /// <summary>Every (entry, kind summary) pair: entries in order, free-form before binary.</summary>
    public static IEnumerable<(LeaderboardEntry Entry, KindSummary Summary)> Summaries(Leaderboard board) =>
        board.Entries.SelectMany(e => Kinds.Select(e.Of).Where(s => s is not null).Select(s => (e, s!)));

    /// <summary>The agent's name as the ranked tables show it, marked when a CLI agent ran without its sandbox.</summary>
    public static string AgentLabel(LeaderboardEntry entry) => AgentLabel(entry, entry.Agent);

    /// <summary><paramref name="name"/> (the agent, or its entry id), marked when the CLI agent ran without its sandbox.</summary>
    public static string AgentLabel(LeaderboardEntry entry, string name) => entry.Unsandboxed ? name + " (unsandboxed)" : name;

    /// <summary>An estimate as tables show it: <see cref="TextDecimals"/> decimals, signed for skill scores, with its interval when asked and known.</summary>
    public static string Cell(LeaderboardMetric metric, Estimate? estimate, bool withInterval = true)
    {
        string Text(double? value) => metric.Signed ? Invariant.Signed(value, TextDecimals) : Invariant.Fixed(value, TextDecimals);
        return estimate switch
        {
            null => "n/a",
            { Lower: null } => Text(estimate.Value),
            _ when !withInterval => Text(estimate.Value),
            _ => $"{Text(estimate.Value)} [{Text(estimate.Lower)}, {Text(estimate.Upper)}]",
        };
    }

    /// <summary>An entry's agent failures by kind, summed over its seeds ("0" without any).</summary>
    public static string FailuresText(LeaderboardEntry entry) =>
        entry.Failures.Count == 0 ? "0" : string.Join(", ", entry.Failures.Select(f => $"{f.Key} {Invariant.Number(f.Value)}"));

    public static string Status(LeaderboardRun run) =>
        run.Status.ToString().ToLowerInvariant() + (run.IsComplete ? "" : ", incomplete");

    /// <summary>The confidence level in percent, as written ("95").</summary>
    public static string Level(LeaderboardOptions options) =>
        (options.ConfidenceLevel * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static bool HasModelUsage(Leaderboard board) => board.Entries.Any(e => e.ModelUsage is not null);

    /// <summary>A number for CSV and JSON: <see cref="DataDecimals"/> decimals, empty when undefined.</summary>
    public static string Data(double? value) => Invariant.Fixed(value, DataDecimals);
}
