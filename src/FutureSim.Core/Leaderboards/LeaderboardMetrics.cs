using System.Collections.Immutable;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// The table of leaderboard metrics: every bootstrapped column of every output, in output order. A new metric
/// is one more entry here; summaries, formula lists and every exporter follow the table.
/// </summary>
public static class LeaderboardMetrics
{
    private const string FreeFormSkillFormula =
        "1 − Σ_{o ∈ named ∪ {truth}} (p(o) − 1[o = truth])², outcomes ordered by (−p, name), only the first outcome matching the truth counts as the truth";

    private static (double, double) Mean(double value) => (value, 1);

    private static (double, double) OverForecast(MetricCell c, double value) => c.Score.Forecast ? (value, 1) : (0, 0);

    /// <summary>FutureSim's headline: mean BSS over all questions (never forecast = 0).</summary>
    public static LeaderboardMetric Skill { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "bss", Header = "BSS (all)", Denominator = "all questions", Signed = true,
        FormulaTemplate = $"FutureSim Brier skill score BSS = {FreeFormSkillFormula}; mean over all questions, a question never forecast scores 0",
        Cell = c => Mean(c.Score.Skill ?? 0),
    };

    /// <summary>Mean BSS over the questions with a forecast.</summary>
    public static LeaderboardMetric SkillOverForecast { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "bss_forecast", Header = "BSS (forecast)", Denominator = "forecast questions", Signed = true,
        FormulaTemplate = "the same BSS, mean over the questions with a forecast only",
        Cell = c => OverForecast(c, c.Score.Skill ?? 0),
    };

    /// <summary>Top-1 correct / all questions.</summary>
    public static LeaderboardMetric Accuracy { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "accuracy", Header = "Accuracy", Denominator = "all questions",
        FormulaTemplate = "top-1 accuracy: share of all questions whose highest-probability outcome (ties by name) matches the truth",
        Cell = c => Mean(c.Score.TopOneCorrect == true ? 1 : 0),
    };

    /// <summary>Mean truth mass over all questions.</summary>
    public static LeaderboardMetric TruthMass { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "truth_mass", Header = "Truth mass", Denominator = "all questions",
        FormulaTemplate = "mean over all questions of Σ p(o) over outcomes o matching the truth",
        Cell = c => Mean(c.Score.TruthMass ?? 0),
    };

    /// <summary>Mean over all questions of the time-weighted score from each question's first day (see <see cref="QuestionScore.TimeWeighted"/>).</summary>
    public static LeaderboardMetric TimeWeighted { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "tw_score", Header = "TW (from open)", Denominator = "all questions", Signed = true,
        FormulaTemplate = "time-weighted BSS from each question's first day: mean over all questions of 100 · Σ_d BSS_d · len_d / (resolution day − first day), first day = the later of the question's open day and the run's first day, BSS_d of the forecast held on day d (0 without one), len_d the days it is held within [first day, resolution day)",
        Cell = c => Mean(c.Score.TimeWeighted ?? 0),
    };

    /// <summary>FutureSim's time-weighted score: summed over all questions, each from the run's first day (see <see cref="QuestionScore.TimeWeightedFutureSim"/>).</summary>
    public static LeaderboardMetric TimeWeightedFutureSim { get; } = new()
    {
        Kind = LeaderboardMetric.FreeFormKind, Id = "tw_futuresim", Header = "TW (FutureSim)", Denominator = "all questions, summed", Signed = true,
        SumOverQuestions = true,
        FormulaTemplate = "FutureSim's time-weighted score: sum over all questions of 100 · Σ_d BSS_d · len_d / (resolution day − day 0), day 0 = the run's first day for every question whatever its open day, BSS_d and len_d as for the time-weighted BSS from the first day",
        Cell = c => Mean(c.Score.TimeWeightedFutureSim ?? 0),
    };

    /// <summary>Binary: mean Brier score over forecast questions.</summary>
    public static LeaderboardMetric Brier { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "brier", Header = "Brier", Denominator = "forecast questions",
        FormulaTemplate = "Brier score (p − y)², p = P(Yes), y = 1 if Yes else 0; mean over forecast questions; lower is better",
        Cell = c => (c.Score.Brier ?? 0, 1),
    };

    /// <summary>Binary: mean clipped log score over forecast questions.</summary>
    public static LeaderboardMetric LogScore { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "log_score", Header = "Log score", Denominator = "forecast questions", Signed = true,
        FormulaTemplate = "ln p(outcome) with p clipped to [{log_clamp}, 1 − {log_clamp}]; mean over forecast questions; higher is better",
        Cell = c => (c.Score.LogScore ?? 0, 1),
    };

    /// <summary>Binary: mean accuracy at 0.5 over forecast questions.</summary>
    public static LeaderboardMetric BinaryAccuracy { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "accuracy", Header = "Accuracy", Denominator = "forecast questions",
        FormulaTemplate = "accuracy at 0.5: 1 if p > 0.5 and Yes or p < 0.5 and No, 0.5 if p = 0.5, else 0; mean over forecast questions",
        Cell = c => (c.Score.Accuracy ?? 0, 1),
    };

    /// <summary>Binary: Brier skill against the uniform forecast 0.5.</summary>
    public static LeaderboardMetric SkillVsUniform { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "bss_uniform", Header = "BSS vs uniform", Denominator = "forecast questions", Signed = true, OneMinus = true,
        FormulaTemplate = "1 − Σ (p − y)² / Σ (0.5 − y)² over forecast questions",
        Cell = c => (c.Score.Brier ?? 0, ForecastScores.Brier(0.5, c.Yes)),
    };

    /// <summary>Binary: Brier skill against the question set's base rate.</summary>
    public static LeaderboardMetric SkillVsBaseRate { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "bss_base_rate", Header = "BSS vs base rate", Denominator = "forecast questions", Signed = true, OneMinus = true,
        FormulaTemplate = "1 − Σ (p − y)² / Σ (b − y)² over forecast questions, b = share of Yes among the binary questions",
        Cell = c => (c.Score.Brier ?? 0, (c.BaseRate - (c.Yes ? 1.0 : 0.0)) * (c.BaseRate - (c.Yes ? 1.0 : 0.0))),
    };

    /// <summary>Binary: Brier skill against the crowd, over the forecast questions that carry a crowd forecast.</summary>
    public static LeaderboardMetric SkillVsCrowd { get; } = new()
    {
        Kind = LeaderboardMetric.BinaryKind, Id = "bss_crowd", Header = "BSS vs crowd", Denominator = "forecast questions with a crowd forecast", Signed = true, OneMinus = true,
        FormulaTemplate = "1 − Σ (p − y)² / Σ (c − y)² over forecast questions with a crowd probability c",
        Cell = c => c.Question.Crowd is { } crowd ? (c.Score.Brier ?? 0, ForecastScores.Brier(crowd.ProbabilityYes, c.Yes)) : (0, 0),
    };

    /// <summary>The free-form and multiple-choice columns, in output order.</summary>
    public static ImmutableArray<LeaderboardMetric> FreeForm { get; } = [Skill, SkillOverForecast, Accuracy, TruthMass, TimeWeighted, TimeWeightedFutureSim];

    /// <summary>The binary columns, in output order.</summary>
    public static ImmutableArray<LeaderboardMetric> Binary { get; } = [Brier, LogScore, BinaryAccuracy, SkillVsUniform, SkillVsBaseRate, SkillVsCrowd];

    /// <summary>Every column: free-form, then binary.</summary>
    public static ImmutableArray<LeaderboardMetric> All { get; } = [.. FreeForm, .. Binary];

    /// <summary>The columns of one kind.</summary>
    public static ImmutableArray<LeaderboardMetric> Of(string kind) => kind == LeaderboardMetric.FreeFormKind ? FreeForm : Binary;

    /// <summary>The metric entries of a kind are ranked and compared on: free-form mean BSS (higher is better), binary Brier (lower is better).</summary>
    public static LeaderboardMetric Headline(string kind) => kind == LeaderboardMetric.FreeFormKind ? Skill : Brier;
}
