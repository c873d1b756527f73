using System.Collections.Immutable;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>The built-in exporters, in the order their files are written; the executable registers these and any others.</summary>
public static class LeaderboardExporters
{
    /// <summary>The base name of every leaderboard file (<c>leaderboard.md</c>, <c>.csv</c>, <c>.json</c> …).</summary>
    public const string BaseName = "leaderboard";

    public static ILeaderboardExporter Markdown { get; } = new MarkdownLeaderboardExporter();

    public static ILeaderboardExporter Csv { get; } = new CsvLeaderboardExporter();

    public static ILeaderboardExporter Json { get; } = new JsonLeaderboardExporter();

    public static ImmutableArray<ILeaderboardExporter> BuiltIn { get; } = [Markdown, Csv, Json];
}
