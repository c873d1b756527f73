using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;

namespace FutureSim.Cli.Reports;

/// <summary>
/// What <c>run</c>, <c>score</c> and <c>leaderboard</c> print on a terminal: the compact tables of
/// <see cref="TerminalLeaderboardExporter"/> at the terminal's width, then where the full leaderboard (every metric
/// and formula), the charts and the report are, and the viewer command. The full Markdown stays in the run folder,
/// and on standard output when it is redirected or <c>--format md</c> is asked for.
/// </summary>
internal static class TerminalLeaderboard
{
    /// <summary>The format <c>table</c>: chosen by default when standard output is a terminal.</summary>
    public const string Format = TerminalLeaderboardExporter.FormatName;

    /// <summary>The width used when the terminal's cannot be read.</summary>
    public const int DefaultWidth = 100;

    /// <summary>The format to print when none was given: the table on a terminal, else Markdown.</summary>
    public static string DefaultFormat => Console.IsOutputRedirected ? LeaderboardExporters.Markdown.Format : Format;

    /// <summary>The tables at the terminal's width, then the way to everything else.</summary>
    public static string Render(Leaderboard board, string? folder, IReadOnlyList<string> runFolders) =>
        Render(board, folder, runFolders, TerminalWidth());

    /// <summary>The tables at <paramref name="width"/>; <paramref name="folder"/> is where the leaderboard files and charts were written, or null.</summary>
    public static string Render(Leaderboard board, string? folder, IReadOnlyList<string> runFolders, int width)
    {
        var runs = string.Join(' ', runFolders.Select(Quote));
        var files = folder is null
            ? $"Every metric and formula: futuresim leaderboard {runs} --format md (or --out <folder> for the files and charts)"
            : $"Every metric and formula: {Path.Combine(folder, LeaderboardExporters.Markdown.FileName)} (.csv, .json); charts: {Path.Combine(folder, "charts")}";
        return new TerminalLeaderboardExporter(Math.Max(width, 40)).Export(new LeaderboardReport(board))
            + files + "\n"
            + $"Browse runs, questions and agent days: futuresim view {runs}\n"
            + $"One HTML file: futuresim report {runs} --out report.html\n";
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : DefaultWidth;
        }
        catch (IOException)
        {
            return DefaultWidth;
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
