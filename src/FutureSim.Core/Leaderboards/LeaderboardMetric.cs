using System.Globalization;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// One bootstrapped column of a leaderboard, defined once for the summaries, the formula catalog and every
/// exporter: its question kind, id, header, denominator and formula, and how one (seed, question) cell
/// contributes to it. The value over a set of cells is <c>Scale · Σ num / Σ den</c>, or <c>1 − Σ num / Σ den</c>
/// for a skill score against a reference (<see cref="OneMinus"/>), so that means over all questions, means over
/// forecast questions, sums over questions and skill against a reference all resample alike.
/// </summary>
public sealed record LeaderboardMetric
{
    /// <summary>The kind key of free-form and multiple-choice questions (in CSV and JSON).</summary>
    public const string FreeFormKind = "free_form";

    /// <summary>The kind key of binary questions (in CSV and JSON).</summary>
    public const string BinaryKind = "binary";

    /// <summary><see cref="FreeFormKind"/> or <see cref="BinaryKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The id in CSV and JSON outputs, unique within its kind.</summary>
    public required string Id { get; init; }

    /// <summary>The column header of tables.</summary>
    public required string Header { get; init; }

    /// <summary>What the metric averages over, in words (e.g. "all questions").</summary>
    public required string Denominator { get; init; }

    /// <summary>Whether values are shown with a sign (skill scores).</summary>
    public bool Signed { get; init; }

    /// <summary>Whether the value is <c>1 − Σ num / Σ den</c> (skill against a reference).</summary>
    public bool OneMinus { get; init; }

    /// <summary>Whether the value is a sum over questions (the mean over questions times their number) instead of a mean.</summary>
    public bool SumOverQuestions { get; init; }

    /// <summary>The formula; <c>{log_clamp}</c> stands for the log score's clamp.</summary>
    public required string FormulaTemplate { get; init; }

    /// <summary>A cell's numerator and denominator (binary cells are asked only for usable forecasts).</summary>
    public required Func<MetricCell, (double Numerator, double Denominator)> Cell { get; init; }

    /// <summary>The formula as written in outputs.</summary>
    public string Formula(ScoringOptions scoring) =>
        FormulaTemplate.Replace("{log_clamp}", scoring.LogClamp.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The heading of a kind's ranked table ("Free-form and multiple-choice questions", "Binary questions").</summary>
    public static string KindTitle(string kind) =>
        kind == FreeFormKind ? "Free-form and multiple-choice questions" : "Binary questions";

    /// <summary>The question kind in words ("free-form", "binary").</summary>
    public static string KindLabel(string kind) => kind == FreeFormKind ? "free-form" : "binary";
}
