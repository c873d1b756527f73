using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FutureSim.Core.Scoring;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// Renders a <see cref="Leaderboard"/> as Markdown, CSV or JSON. Output is deterministic (invariant
/// culture, fixed decimals, rows in rank order, "\n" line ends) and names the formula of every column.
/// </summary>
public static class LeaderboardRenderer
{
    private const int TextDecimals = 3;
    private const int DataDecimals = 6;

    /// <summary>A Markdown report; <paramref name="charts"/> are linked by their relative paths.</summary>
    public static string Markdown(Leaderboard board, IReadOnlyList<ChartReference>? charts = null)
    {
        var md = new StringBuilder();
        var binaryColumns = MetricCatalog.Binary(board.Scoring);
        var level = (board.Options.ConfidenceLevel * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        md.Append("# FutureSim leaderboard\n\n");
        md.Append($"{Number(board.Runs.Length)} runs, {Number(board.Entries.Length)} entries (agent × configuration, seeds pooled). ");
        md.Append($"Scores on each run's last completed day; [brackets]: {level} % bootstrap interval over seeds and questions ");
        md.Append($"({Number(board.Options.Resamples)} resamples, seed {Number(board.Options.Seed)}).\n");
        if (board.Entries.Any(e => e.Unsandboxed))
        {
            md.Append("Agents marked (unsandboxed) ran a shell outside the sandbox and could have read the answers.\n");
        }

        var freeForm = Ranked(board, e => e.FreeForm?.Rank);
        if (freeForm.Count > 0)
        {
            md.Append("\n## Free-form and multiple-choice questions\n\n");
            Table(md, ["Rank", "Agent", "Config", "Seeds", "Questions", "Coverage", .. MetricCatalog.FreeForm.Select(c => c.Header), "ECE"],
                freeForm.Select(e => (IReadOnlyList<string>)[
                    Number(e.FreeForm!.Rank), AgentLabel(e), e.ConfigurationId, Number(e.FreeForm.Seeds), Number(e.FreeForm.Questions),
                    Fixed(e.FreeForm.Coverage, TextDecimals), .. MetricCatalog.FreeForm.Select(c => Cell(c, e)),
                    Ece(e.FreeForm.Calibration)]));
        }

        var binary = Ranked(board, e => e.Binary?.Rank);
        if (binary.Count > 0)
        {
            md.Append("\n## Binary questions\n\n");
            Table(md, ["Rank", "Agent", "Config", "Seeds", "Questions", "Coverage", .. binaryColumns.Select(c => c.Header), "ECE"],
                binary.Select(e => (IReadOnlyList<string>)[
                    Number(e.Binary!.Rank), AgentLabel(e), e.ConfigurationId, Number(e.Binary.Seeds), Number(e.Binary.Questions),
                    Fixed(e.Binary.Coverage, TextDecimals), .. binaryColumns.Select(c => Cell(c, e)),
                    Ece(e.Binary.Calibration)]));
        }

        md.Append("\n## Calibration\n\n");
        Table(md, ["Agent", "Config", "Kind", "Forecasts", "ECE (width)", "ECE (count)", "Sharpness", "Brier", "REL", "RES", "UNC", "WBV", "WBC"],
            Calibrations(board).Where(c => c.Width.Count > 0).Select(c => (IReadOnlyList<string>)[
                c.Entry.Agent, c.Entry.ConfigurationId, c.Kind, Number(c.Width.Count),
                Fixed(c.Width.ExpectedCalibrationError, TextDecimals), Fixed(c.Count.ExpectedCalibrationError, TextDecimals),
                Fixed(c.Width.Sharpness, TextDecimals), Fixed(c.Width.Brier, TextDecimals), Fixed(c.Width.Reliability, TextDecimals),
                Fixed(c.Width.Resolution, TextDecimals), Fixed(c.Width.Uncertainty, TextDecimals),
                Fixed(c.Width.WithinBinVariance, TextDecimals), Fixed(c.Width.WithinBinCovariance, TextDecimals)]));

        md.Append("\n## Abstentions and failures\n\n");
        Table(md, ["Agent", "Config", "Runs", "Failed runs", "Incomplete runs", "Abstentions (free-form)", "Abstentions (binary)", "Submissions", "Refusals", "Agent failures"],
            board.Entries.Select(e => (IReadOnlyList<string>)[
                e.Agent, e.ConfigurationId, Number(e.RunIds.Length), Number(e.FailedRuns), Number(e.IncompleteRuns),
                e.FreeForm is { } f ? Number((f.Seeds * f.Questions) - f.Forecasts) : "",
                e.Binary is { } b ? Number((b.Seeds * b.Questions) - b.Forecasts) : "",
                Number(e.Submissions), Number(e.Refusals),
                e.Failures.Count == 0 ? "0" : string.Join(", ", e.Failures.Select(f => $"{f.Key} {Number(f.Value)}"))]));

        if (board.Comparisons.Length > 0)
        {
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
                    c.Kind, c.Metric, c.A, c.B, Signed(c.Difference.Value, TextDecimals),
                    $"[{Signed(c.Difference.Lower, TextDecimals)}, {Signed(c.Difference.Upper, TextDecimals)}]", Fixed(c.PValue, TextDecimals)]));
        }

        if (charts is { Count: > 0 })
        {
            md.Append("\n## Charts\n\n");
            foreach (var chart in charts)
            {
                md.Append($"![{chart.Caption}]({chart.RelativePath})\n\n");
            }
        }

        md.Append(charts is { Count: > 0 } ? "## Formulas\n\n" : "\n## Formulas\n\n");
        foreach (var column in MetricCatalog.FreeForm.Concat(binaryColumns))
        {
            md.Append($"- **{column.Header}** ({Kind(column.Kind)}; over {column.Denominator}): {column.Formula}.\n");
        }

        foreach (var (id, formula) in MetricCatalog.Other(board.Options))
        {
            md.Append($"- **{id}**: {formula}.\n");
        }

        md.Append("\nRuns: ");
        md.Append(string.Join(", ", board.Runs.Select(r => $"{r.RunId} ({Status(r)})")));
        md.Append(".\n");
        return md.ToString();
    }

    /// <summary>
    /// A tidy CSV: one row per entry, kind and metric, with its estimate, interval bounds, denominator and formula.
    /// Columns: kind, rank, agent, configuration, seeds, questions, metric, estimate, lower, upper, denominator, formula.
    /// </summary>
    public static string Csv(Leaderboard board)
    {
        var csv = new StringBuilder("kind,rank,agent,configuration,seeds,questions,metric,estimate,lower,upper,denominator,formula\n");
        var other = MetricCatalog.Other(board.Options).ToDictionary(o => o.Id, o => o.Formula, StringComparer.Ordinal);
        void Row(string kind, int? rank, LeaderboardEntry e, int questions, string metric, string estimate, double? lower, double? upper, string denominator, string formula) =>
            csv.Append(string.Join(',', kind, rank is { } r ? Number(r) : "", CsvField(e.Agent), e.ConfigurationId, Number(e.RunIds.Length),
                Number(questions), metric, estimate, Fixed(lower, DataDecimals), Fixed(upper, DataDecimals),
                CsvField(denominator), CsvField(formula))).Append('\n');

        foreach (var (kind, columns, rank) in new[]
        {
            (KindCells.FreeFormKind, MetricCatalog.FreeForm, (Func<LeaderboardEntry, int?>)(e => e.FreeForm?.Rank)),
            (KindCells.BinaryKind, MetricCatalog.Binary(board.Scoring), e => e.Binary?.Rank),
        })
        {
            foreach (var e in Ranked(board, rank))
            {
                var (questions, seeds, forecasts, calibration) = kind == KindCells.FreeFormKind
                    ? (e.FreeForm!.Questions, e.FreeForm.Seeds, e.FreeForm.Forecasts, e.FreeForm.Calibration)
                    : (e.Binary!.Questions, e.Binary.Seeds, e.Binary.Forecasts, e.Binary.Calibration);
                Row(kind, rank(e), e, questions, "coverage", Fixed((double)forecasts / (seeds * questions), DataDecimals), null, null, "seeds · questions", other["coverage"]);
                Row(kind, rank(e), e, questions, "abstentions", Number((seeds * questions) - forecasts), null, null, "seeds · questions", other["abstentions"]);
                foreach (var column in columns)
                {
                    var value = column.Select(e);
                    Row(kind, rank(e), e, questions, column.Id, Fixed(value?.Value, DataDecimals), value?.Lower, value?.Upper, column.Denominator, column.Formula);
                }

                var calibrated = calibration.Count > 0;
                Row(kind, rank(e), e, questions, "ece", calibrated ? Fixed(calibration.ExpectedCalibrationError, DataDecimals) : "", null, null, "forecast questions", other["ece"]);
                Row(kind, rank(e), e, questions, "sharpness", calibrated ? Fixed(calibration.Sharpness, DataDecimals) : "", null, null, "forecast questions", other["sharpness"]);
            }
        }

        foreach (var e in board.Entries)
        {
            var questions = (e.FreeForm?.Questions ?? 0) + (e.Binary?.Questions ?? 0);
            Row("all", null, e, questions, "failed_runs", Number(e.FailedRuns), null, null, "runs", other["failed_runs"]);
            Row("all", null, e, questions, "incomplete_runs", Number(e.IncompleteRuns), null, null, "runs", other["incomplete_runs"]);
            Row("all", null, e, questions, "submissions", Number(e.Submissions), null, null, "runs", other["submissions"]);
            Row("all", null, e, questions, "refusals", Number(e.Refusals), null, null, "runs", other["refusals"]);
            foreach (var (failure, count) in e.Failures)
            {
                Row("all", null, e, questions, "agent_failures_" + failure, Number(count), null, null, "runs", other["agent_failures"]);
            }
        }

        return csv.ToString();
    }

    /// <summary>The whole leaderboard as indented JSON with <c>format_version</c> <see cref="Leaderboard.FormatVersion"/>; numbers have 6 decimals.</summary>
    public static string Json(Leaderboard board)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", Leaderboard.FormatVersion);
            json.WriteStartObject("options");
            json.WriteNumber("resamples", board.Options.Resamples);
            json.WriteNumber("seed", board.Options.Seed);
            JsonNumber(json, "confidence_level", board.Options.ConfidenceLevel);
            json.WriteNumber("calibration_bins", board.Options.CalibrationBins);
            JsonNumber(json, "log_clamp", board.Scoring.LogClamp);
            json.WriteEndObject();

            json.WriteStartObject("formulas");
            foreach (var column in MetricCatalog.FreeForm.Concat(MetricCatalog.Binary(board.Scoring)))
            {
                json.WriteString($"{column.Kind}.{column.Id}", $"{column.Formula} (over {column.Denominator})");
            }

            foreach (var (id, formula) in MetricCatalog.Other(board.Options))
            {
                json.WriteString(id, formula);
            }

            json.WriteEndObject();

            json.WriteStartArray("runs");
            foreach (var run in board.Runs)
            {
                json.WriteStartObject();
                json.WriteString("run_id", run.RunId);
                json.WriteString("status", run.Status.ToString().ToLowerInvariant());
                json.WriteBoolean("complete", run.IsComplete);
                json.WriteNumber("days", run.Days);
                json.WriteString("first_day", run.FirstDay is { } first ? Day(first) : null);
                json.WriteString("last_day", run.LastDay is { } last ? Day(last) : null);
                json.WriteNumber("warnings", run.Warnings);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("entries");
            foreach (var e in board.Entries)
            {
                WriteEntry(json, e, board.Scoring);
            }

            json.WriteEndArray();

            json.WriteStartArray("comparisons");
            foreach (var c in board.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("kind", c.Kind);
                json.WriteString("metric", c.Metric);
                json.WriteString("a", c.A);
                json.WriteString("b", c.B);
                JsonNumber(json, "difference", c.Difference.Value);
                JsonNumber(json, "lower", c.Difference.Lower);
                JsonNumber(json, "upper", c.Difference.Upper);
                JsonNumber(json, "p_value", c.PValue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteEntry(Utf8JsonWriter json, LeaderboardEntry e, ScoringOptions scoring)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        json.WriteString("agent", e.Agent);
        json.WriteString("agent_kind", e.AgentKind);
        if (e.Unsandboxed)
        {
            json.WriteBoolean("unsandboxed", true);
        }
        json.WriteString("configuration", e.ConfigurationId);
        json.WriteStartArray("runs");
        foreach (var run in e.RunIds)
        {
            json.WriteStringValue(run);
        }

        json.WriteEndArray();
        json.WriteNumber("failed_runs", e.FailedRuns);
        json.WriteNumber("incomplete_runs", e.IncompleteRuns);
        json.WriteNumber("submissions", e.Submissions);
        json.WriteNumber("refusals", e.Refusals);
        json.WriteStartObject("agent_failures");
        foreach (var (kind, count) in e.Failures)
        {
            json.WriteNumber(kind, count);
        }

        json.WriteEndObject();
        if (e.FreeForm is { } f)
        {
            json.WriteStartObject(KindCells.FreeFormKind);
            WriteKind(json, f.Rank, f.Questions, f.Seeds, f.Forecasts, e, MetricCatalog.FreeForm);
            WriteCalibration(json, f.Calibration, f.CalibrationEqualCount);
            json.WriteEndObject();
        }

        if (e.Binary is { } b)
        {
            json.WriteStartObject(KindCells.BinaryKind);
            WriteKind(json, b.Rank, b.Questions, b.Seeds, b.Forecasts, e, MetricCatalog.Binary(scoring));
            json.WriteNumber("crowd_questions", b.CrowdQuestions);
            JsonNumber(json, "base_rate", b.BaseRate);
            WriteCalibration(json, b.Calibration, b.CalibrationEqualCount);
            json.WriteEndObject();
        }

        json.WriteStartArray("daily");
        foreach (var point in e.Daily)
        {
            json.WriteStartObject();
            json.WriteString("date", Day(point.Day));
            JsonNumber(json, "bss", point.Skill);
            JsonNumber(json, "accuracy", point.Accuracy);
            JsonNumber(json, "brier", point.Brier);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteKind(Utf8JsonWriter json, int rank, int questions, int seeds, int forecasts, LeaderboardEntry e, IReadOnlyList<MetricColumn> columns)
    {
        json.WriteNumber("rank", rank);
        json.WriteNumber("questions", questions);
        json.WriteNumber("seeds", seeds);
        json.WriteNumber("forecasts", forecasts);
        JsonNumber(json, "coverage", (double)forecasts / (seeds * questions));
        json.WriteStartObject("metrics");
        foreach (var column in columns)
        {
            json.WriteStartObject(column.Id);
            var value = column.Select(e);
            JsonNumber(json, "estimate", value?.Value);
            JsonNumber(json, "lower", value?.Lower);
            JsonNumber(json, "upper", value?.Upper);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteCalibration(Utf8JsonWriter json, CalibrationSummary width, CalibrationSummary count)
    {
        json.WriteStartObject("calibration");
        foreach (var (name, c) in new[] { ("equal_width", width), ("equal_count", count) })
        {
            json.WriteStartObject(name);
            json.WriteNumber("bins", c.BinCount);
            json.WriteNumber("count", c.Count);
            JsonNumber(json, "ece", c.ExpectedCalibrationError);
            JsonNumber(json, "sharpness", c.Sharpness);
            JsonNumber(json, "brier", c.Brier);
            JsonNumber(json, "reliability", c.Reliability);
            JsonNumber(json, "resolution", c.Resolution);
            JsonNumber(json, "uncertainty", c.Uncertainty);
            JsonNumber(json, "within_bin_variance", c.WithinBinVariance);
            JsonNumber(json, "within_bin_covariance", c.WithinBinCovariance);
            JsonNumber(json, "binned_brier", c.BinnedBrier);
            json.WriteStartArray("reliability_bins");
            foreach (var bin in c.Bins)
            {
                json.WriteStartObject();
                JsonNumber(json, "lower", bin.Lower);
                JsonNumber(json, "upper", bin.Upper);
                json.WriteNumber("count", bin.Count);
                JsonNumber(json, "mean_forecast", bin.MeanForecast);
                JsonNumber(json, "observed_frequency", bin.ObservedFrequency);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void JsonNumber(Utf8JsonWriter json, string name, double? value)
    {
        var text = Fixed(value, DataDecimals);
        if (text.Length == 0)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WritePropertyName(name);
            json.WriteRawValue(text, skipInputValidation: true);
        }
    }

    private static List<LeaderboardEntry> Ranked(Leaderboard board, Func<LeaderboardEntry, int?> rank) =>
        [.. board.Entries.Where(e => rank(e) is not null).OrderBy(e => rank(e))];

    private static IEnumerable<(LeaderboardEntry Entry, string Kind, CalibrationSummary Width, CalibrationSummary Count)> Calibrations(Leaderboard board)
    {
        foreach (var e in board.Entries)
        {
            if (e.FreeForm is { } f)
            {
                yield return (e, Kind(KindCells.FreeFormKind), f.Calibration, f.CalibrationEqualCount);
            }

            if (e.Binary is { } b)
            {
                yield return (e, Kind(KindCells.BinaryKind), b.Calibration, b.CalibrationEqualCount);
            }
        }
    }

    private static string AgentLabel(LeaderboardEntry entry) => entry.Unsandboxed ? entry.Agent + " (unsandboxed)" : entry.Agent;

    private static string Kind(string kind) => kind == KindCells.FreeFormKind ? "free-form" : "binary";

    private static string Status(LeaderboardRun run) =>
        run.Status.ToString().ToLowerInvariant() + (run.IsComplete ? "" : ", incomplete");

    private static string Cell(MetricColumn column, LeaderboardEntry entry)
    {
        string Text(double? value) => column.Signed ? Signed(value, TextDecimals) : Fixed(value, TextDecimals);
        return column.Select(entry) switch
        {
            null => "n/a",
            { Lower: null } estimate => Text(estimate.Value),
            var estimate => $"{Text(estimate.Value)} [{Text(estimate.Lower)}, {Text(estimate.Upper)}]",
        };
    }

    private static string Ece(CalibrationSummary calibration) =>
        calibration.Count == 0 ? "n/a" : Fixed(calibration.ExpectedCalibrationError, TextDecimals);

    private const int AllPairsUpTo = 6;

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
