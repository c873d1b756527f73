using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Scoring;
using ScottPlot;

namespace FutureSim.Cli.Reports;

/// <summary>
/// Draws a leaderboard's pictures as PNG files: the score over time of every entry and a reliability
/// diagram per entry and question kind. Returns references relative to <c>outputFolder</c> for
/// the leaderboard exporters (<see cref="Core.Leaderboards.Export.LeaderboardReport.Charts"/>).
/// </summary>
internal static class ChartWriter
{
    private const int Width = 900;
    private const int Height = 560;

    /// <summary>Writes the charts into <paramref name="outputFolder"/>/<paramref name="subfolder"/> (created if needed), replacing files of the same name.</summary>
    public static ImmutableArray<ChartReference> Write(Leaderboard board, string outputFolder, string subfolder = "charts")
    {
        var plan = Plan(board, subfolder);
        plan.Draw(outputFolder);
        return plan.References;
    }

    /// <summary>Decides the charts and their file names without drawing them, so that the leaderboard can refer to them first.</summary>
    public static ChartPlan Plan(Leaderboard board, string subfolder = "charts")
    {
        var charts = new List<(Func<Plot> Draw, string File, string Caption)>();
        var unique = board.Entries.Select(e => e.Agent).Distinct(StringComparer.Ordinal).Count() == board.Entries.Length;
        string Label(LeaderboardEntry e) => unique ? e.Agent : e.Id;

        void Save(Func<Plot> draw, string file, string caption) => charts.Add((draw, file, caption));

        if (board.Entries.Any(e => e.Daily.Any(d => d.Skill is not null) && e.FreeForm is not null))
        {
            Save(() => OverTime(board, Label, d => d.Skill, "FutureSim daily BSS over all free-form questions", "BSS (never forecast = 0)", zeroLine: true),
                "score-over-time.png", "Free-form BSS over time");
        }

        if (board.Entries.Any(e => e.Daily.Any(d => d.Brier is not null)))
        {
            Save(() => OverTime(board, Label, d => d.Brier, "Binary Brier score over time (forecast questions)", "Brier (lower is better)", zeroLine: false),
                "brier-over-time.png", "Binary Brier score over time");
        }

        foreach (var entry in board.Entries)
        {
            if (entry.FreeForm is { Calibration.Count: > 0 } freeForm)
            {
                Save(() => Reliability(freeForm.Calibration, $"{Label(entry)}: free-form top outcome", "probability of the top outcome", "share correct"),
                    $"reliability-{Slug(entry.Agent)}-{entry.ConfigurationId}-free-form.png", $"Reliability: {Label(entry)} (free-form)");
            }

            if (entry.Binary is { Calibration.Count: > 0 } binary)
            {
                Save(() => Reliability(binary.Calibration, $"{Label(entry)}: binary", "forecast p(Yes)", "share Yes"),
                    $"reliability-{Slug(entry.Agent)}-{entry.ConfigurationId}-binary.png", $"Reliability: {Label(entry)} (binary)");
            }
        }

        return new ChartPlan(subfolder, [.. charts]);
    }

    /// <summary>Charts decided by <see cref="Plan"/>: their references, and the drawing of their PNG files.</summary>
    public sealed class ChartPlan(string subfolder, ImmutableArray<(Func<Plot> Draw, string File, string Caption)> charts)
    {
        public ImmutableArray<ChartReference> References { get; } = [.. charts.Select(c => new ChartReference(c.Caption, $"{subfolder}/{c.File}"))];

        /// <summary>Draws every chart into <paramref name="outputFolder"/>/subfolder; each is its own plot and file, so they are drawn side by side.</summary>
        public void Draw(string outputFolder)
        {
            var folder = Path.Combine(outputFolder, subfolder);
            Directory.CreateDirectory(folder);
            Parallel.ForEach(charts, chart => chart.Draw().SavePng(Path.Combine(folder, chart.File), Width, Height));
        }
    }

    private static Plot OverTime(Leaderboard board, Func<LeaderboardEntry, string> label, Func<DailyPoint, double?> value, string title, string axis, bool zeroLine)
    {
        var plot = new Plot();
        foreach (var entry in board.Entries)
        {
            var points = entry.Daily.Where(d => value(d) is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(
                points.Select(d => d.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                points.Select(d => value(d)!.Value).ToArray());
            line.LegendText = label(entry);
            line.LineWidth = 2;
            line.MarkerSize = points.Count > 40 ? 0 : 5;
        }

        return OverTimeAxes(plot, title, axis, zeroLine);
    }

    /// <summary>The frame of every chart over simulated days: date ticks, title, axis label, legend, and a dashed zero line when asked.</summary>
    internal static Plot OverTimeAxes(Plot plot, string title, string axis, bool zeroLine)
    {
        if (zeroLine)
        {
            var zero = plot.Add.HorizontalLine(0);
            zero.LinePattern = LinePattern.Dashed;
            zero.Color = Colors.Gray;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.YLabel(axis);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot Reliability(CalibrationSummary calibration, string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "perfect calibration";

        var bins = calibration.Bins;
        var observed = plot.Add.Scatter(bins.Select(b => b.MeanForecast).ToArray(), bins.Select(b => b.ObservedFrequency).ToArray());
        observed.LineWidth = 2;
        observed.MarkerSize = 9;
        observed.LegendText = $"{calibration.BinCount} equal-width bins";
        foreach (var bin in bins)
        {
            var count = plot.Add.Text(bin.Count.ToString(CultureInfo.InvariantCulture), bin.MeanForecast, bin.ObservedFrequency);
            count.LabelFontSize = 11;
            count.OffsetX = 6;
            count.OffsetY = -6;
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{title} (n = {calibration.Count}, ECE = {calibration.ExpectedCalibrationError:0.000})"));
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Lower-case letters and digits; anything else becomes a hyphen.</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return slug.ToString();
    }
}
