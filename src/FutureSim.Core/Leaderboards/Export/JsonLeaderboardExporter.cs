using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FutureSim.Core.Scoring;
using static FutureSim.Core.Leaderboards.Export.LeaderboardLayout;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// The whole leaderboard as indented JSON with <c>format_version</c> <see cref="Leaderboard.FormatVersion"/>: options,
/// formulas, runs, entries (with every metric, calibration, daily curve and model usage) and every paired
/// comparison; numbers have 6 decimals.
/// </summary>
internal sealed class JsonLeaderboardExporter : ILeaderboardExporter
{
    public string Format => "json";

    public string FileName => LeaderboardExporters.BaseName + ".json";

    public string Export(LeaderboardReport report)
    {
        var board = report.Board;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", Leaderboard.FormatVersion);
            json.WriteStartObject("options");
            json.WriteNumber("resamples", board.Options.Resamples);
            json.WriteNumber("seed", board.Options.Seed);
            Number(json, "confidence_level", board.Options.ConfidenceLevel);
            json.WriteNumber("calibration_bins", board.Options.CalibrationBins);
            Number(json, "log_clamp", board.Scoring.LogClamp);
            json.WriteEndObject();

            json.WriteStartObject("formulas");
            foreach (var metric in LeaderboardMetrics.All)
            {
                json.WriteString($"{metric.Kind}.{metric.Id}", $"{metric.Formula(board.Scoring)} (over {metric.Denominator})");
            }

            foreach (var note in HasModelUsage(board) ? LeaderboardNotes.All.Add(LeaderboardNotes.ModelUsage) : LeaderboardNotes.All)
            {
                json.WriteString(note.Id, note.Text(board.Options));
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
                json.WriteString("first_day", run.FirstDay is { } first ? Invariant.Day(first) : null);
                json.WriteString("last_day", run.LastDay is { } last ? Invariant.Day(last) : null);
                json.WriteNumber("warnings", run.Warnings);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("entries");
            foreach (var e in board.Entries)
            {
                Entry(json, e);
            }

            json.WriteEndArray();

            json.WriteStartArray("comparisons");
            foreach (var c in board.Comparisons)
            {
                json.WriteStartObject();
                json.WriteString("kind", c.Kind);
                json.WriteString("metric", c.Metric.Id);
                json.WriteString("a", c.A);
                json.WriteString("b", c.B);
                Number(json, "difference", c.Difference.Value);
                Number(json, "lower", c.Difference.Lower);
                Number(json, "upper", c.Difference.Upper);
                Number(json, "p_value", c.PValue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Entry(Utf8JsonWriter json, LeaderboardEntry e)
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
        if (e.ModelUsage is { } usage)
        {
            json.WriteStartObject("model_usage");
            json.WriteNumber("days", usage.Days);
            json.WriteNumber("calls", usage.Calls);
            json.WriteNumber("input_tokens", usage.InputTokens);
            json.WriteNumber("output_tokens", usage.OutputTokens);
            Number(json, "cost", usage.Cost);
            json.WriteEndObject();
        }

        foreach (var s in Kinds.Select(e.Of).Where(s => s is not null))
        {
            Kind(json, s!);
        }

        json.WriteStartArray("daily");
        foreach (var point in e.Daily)
        {
            json.WriteStartObject();
            json.WriteString("date", Invariant.Day(point.Day));
            Number(json, "bss", point.Skill);
            Number(json, "accuracy", point.Accuracy);
            Number(json, "brier", point.Brier);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Kind(Utf8JsonWriter json, KindSummary s)
    {
        json.WriteStartObject(s.Kind);
        json.WriteNumber("rank", s.Rank);
        json.WriteNumber("questions", s.Questions);
        json.WriteNumber("seeds", s.Seeds);
        json.WriteNumber("forecasts", s.Forecasts);
        Number(json, "coverage", s.Coverage);
        json.WriteStartObject("metrics");
        foreach (var metric in LeaderboardMetrics.Of(s.Kind))
        {
            json.WriteStartObject(metric.Id);
            var value = s[metric];
            Number(json, "estimate", value?.Value);
            Number(json, "lower", value?.Lower);
            Number(json, "upper", value?.Upper);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (s.CrowdQuestions is { } crowd)
        {
            json.WriteNumber("crowd_questions", crowd);
        }

        if (s.BaseRate is { } baseRate)
        {
            Number(json, "base_rate", baseRate);
        }

        Calibration(json, s.Calibration, s.CalibrationEqualCount);
        json.WriteEndObject();
    }

    private static void Calibration(Utf8JsonWriter json, CalibrationSummary width, CalibrationSummary count)
    {
        json.WriteStartObject("calibration");
        foreach (var (name, c) in new[] { ("equal_width", width), ("equal_count", count) })
        {
            json.WriteStartObject(name);
            json.WriteNumber("bins", c.BinCount);
            json.WriteNumber("count", c.Count);
            Number(json, "ece", c.ExpectedCalibrationError);
            Number(json, "sharpness", c.Sharpness);
            Number(json, "brier", c.Brier);
            Number(json, "reliability", c.Reliability);
            Number(json, "resolution", c.Resolution);
            Number(json, "uncertainty", c.Uncertainty);
            Number(json, "within_bin_variance", c.WithinBinVariance);
            Number(json, "within_bin_covariance", c.WithinBinCovariance);
            Number(json, "binned_brier", c.BinnedBrier);
            json.WriteStartArray("reliability_bins");
            foreach (var bin in c.Bins)
            {
                json.WriteStartObject();
                Number(json, "lower", bin.Lower);
                Number(json, "upper", bin.Upper);
                json.WriteNumber("count", bin.Count);
                Number(json, "mean_forecast", bin.MeanForecast);
                Number(json, "observed_frequency", bin.ObservedFrequency);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        var text = Data(value);
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
}
