using System.Collections.Immutable;
using System.Text;
using static FutureSim.Core.Leaderboards.Export.LeaderboardLayout;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// The leaderboard as a terminal shows it after <c>run</c>, <c>score</c> and <c>leaderboard</c>: per kind of question
/// a compact ranked table — rank, agent, the columns of <see cref="Columns"/> with their intervals, coverage,
/// failures — fit to <see cref="Width"/> characters: a narrower terminal gets the estimates without intervals, and
/// the failures column is cut last. Every metric, formula and comparison stays in the other formats, which the
/// verbs write beside it.
/// </summary>
public sealed class TerminalLeaderboardExporter : ILeaderboardExporter
{
    public const string FormatName = "table";

    private const string Gap = "  ";

    /// <param name="width">The terminal's width in characters (at least 40).</param>
    public TerminalLeaderboardExporter(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        Width = width;
    }

    public int Width { get; }

    public string Format => FormatName;

    /// <summary>Where it would be written beside the others; the verbs print it and write the full formats instead.</summary>
    public string FileName => LeaderboardExporters.BaseName + ".txt";

    /// <summary>The columns a terminal shows for a kind, from <see cref="LeaderboardMetrics"/>: its headline metric first.</summary>
    public static ImmutableArray<LeaderboardMetric> Columns(string kind) => kind == LeaderboardMetric.FreeFormKind
        ? [LeaderboardMetrics.Skill, LeaderboardMetrics.Accuracy]
        : [LeaderboardMetrics.Brier, LeaderboardMetrics.SkillVsBaseRate];

    public string Export(LeaderboardReport report)
    {
        var board = report.Board;
        var text = new StringBuilder();
        foreach (var kind in Kinds)
        {
            var ranked = Ranked(board, kind);
            if (ranked.Count == 0 || ranked.All(e => e.Of(kind)!.Forecasts == 0))
            {
                continue;
            }

            var headline = LeaderboardMetrics.Headline(kind);
            Wrap(text, $"{LeaderboardMetric.KindTitle(kind)}, ranked by {headline.Header} ({(kind == LeaderboardMetric.BinaryKind ? "lower" : "higher")} is better)");
            var withIntervals = Table(board, kind, ranked, intervals: true);
            Append(text, Fits(withIntervals) ? withIntervals : Table(board, kind, ranked, intervals: false));
            text.Append('\n');
        }

        Wrap(text, $"[brackets]: {Level(board.Options)} % bootstrap intervals ({Number(board.Options.Resamples)} resamples over seeds and questions); coverage: questions with a forecast.");
        return text.ToString();
    }

    /// <summary>A sentence broken between words into lines of at most <see cref="Width"/> characters.</summary>
    private void Wrap(StringBuilder text, string sentence)
    {
        var line = new StringBuilder();
        foreach (var word in sentence.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        text.Append(line).Append('\n');
    }

    private static List<string[]> Table(Leaderboard board, string kind, List<LeaderboardEntry> ranked, bool intervals)
    {
        var columns = Columns(kind);
        var labels = Labels(board);
        List<string[]> rows = [["Rank", "Agent", .. columns.Select(m => m.Header), "Coverage", "Failures"]];
        foreach (var entry in ranked)
        {
            var summary = entry.Of(kind)!;
            var failures = FailuresText(entry)
                + (entry.FailedRuns > 0 ? $"; {Number(entry.FailedRuns)} failed run(s)" : "")
                + (entry.IncompleteRuns > 0 ? $"; {Number(entry.IncompleteRuns)} incomplete" : "");
            rows.Add([
                Number(summary.Rank), labels[entry], .. columns.Select(m => Cell(m, summary[m], intervals)),
                Fixed(summary.Coverage, TextDecimals), failures]);
        }

        return rows;
    }

    /// <summary>The agent as the tables show it; by its entry id when one agent has several configurations.</summary>
    private static Dictionary<LeaderboardEntry, string> Labels(Leaderboard board)
    {
        var unique = board.Entries.Select(e => e.Agent).Distinct(StringComparer.Ordinal).Count() == board.Entries.Length;
        return board.Entries.ToDictionary(e => e, e => AgentLabel(e, unique ? e.Agent : e.Id));
    }

    private bool Fits(List<string[]> rows) => Lines(rows).All(l => l.Length <= Width);

    /// <summary>Aligned rows (numbers to the right); a line longer than the terminal is cut in its last column.</summary>
    private void Append(StringBuilder text, List<string[]> rows)
    {
        foreach (var line in Lines(rows))
        {
            text.Append(line.Length <= Width ? line : line.Trim('─').Length == 0 ? line[..Width] : line[..(Width - 1)] + "…").Append('\n');
        }
    }

    private static IEnumerable<string> Lines(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var cells = row.Select((cell, c) => c is 1 || c == row.Length - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            yield return string.Join(Gap, cells).TrimEnd();
            if (r == 0)
            {
                yield return new string('─', widths.Sum() + (Gap.Length * (widths.Length - 1)));
            }
        }
    }
}
