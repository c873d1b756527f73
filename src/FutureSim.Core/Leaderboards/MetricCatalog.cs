using System.Globalization;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>The columns of every leaderboard output and the formulas they are named with.</summary>
internal static class MetricCatalog
{
    private const string FreeFormSkill =
        "1 − Σ_{o ∈ named ∪ {truth}} (p(o) − 1[o = truth])², outcomes ordered by (−p, name), only the first outcome matching the truth counts as the truth";

    public static IReadOnlyList<MetricColumn> FreeForm { get; } =
    [
        new(KindCells.FreeFormKind, "bss", "BSS (all)", "all questions",
            $"FutureSim Brier skill score BSS = {FreeFormSkill}; mean over all questions, a question never forecast scores 0", e => e.FreeForm?.Skill, Signed: true),
        new(KindCells.FreeFormKind, "bss_forecast", "BSS (forecast)", "forecast questions",
            "the same BSS, mean over the questions with a forecast only", e => e.FreeForm?.SkillOverForecast, Signed: true),
        new(KindCells.FreeFormKind, "accuracy", "Accuracy", "all questions",
            "top-1 accuracy: share of all questions whose highest-probability outcome (ties by name) matches the truth", e => e.FreeForm?.Accuracy),
        new(KindCells.FreeFormKind, "truth_mass", "Truth mass", "all questions",
            "mean over all questions of Σ p(o) over outcomes o matching the truth", e => e.FreeForm?.TruthMass),
        new(KindCells.FreeFormKind, "tw_score", "TW score", "all questions",
            "FutureSim time-weighted score: mean over all questions of 100 · Σ_d BSS_d · len_d / (resolution day − first day), BSS_d of the forecast held on day d (0 without one), len_d the days it is held within [first day, resolution day)",
            e => e.FreeForm?.TimeWeighted, Signed: true),
    ];

    public static IReadOnlyList<MetricColumn> Binary(ScoringOptions scoring)
    {
        var clamp = scoring.LogClamp.ToString("R", CultureInfo.InvariantCulture);
        return
        [
            new(KindCells.BinaryKind, "brier", "Brier", "forecast questions",
                "Brier score (p − y)², p = P(Yes), y = 1 if Yes else 0; mean over forecast questions; lower is better", e => e.Binary?.Brier),
            new(KindCells.BinaryKind, "log_score", "Log score", "forecast questions",
                $"ln p(outcome) with p clipped to [{clamp}, 1 − {clamp}]; mean over forecast questions; higher is better", e => e.Binary?.LogScore, Signed: true),
            new(KindCells.BinaryKind, "accuracy", "Accuracy", "forecast questions",
                "accuracy at 0.5: 1 if p > 0.5 and Yes or p < 0.5 and No, 0.5 if p = 0.5, else 0; mean over forecast questions", e => e.Binary?.Accuracy),
            new(KindCells.BinaryKind, "bss_uniform", "BSS vs uniform", "forecast questions",
                "1 − Σ (p − y)² / Σ (0.5 − y)² over forecast questions", e => e.Binary?.SkillVsUniform, Signed: true),
            new(KindCells.BinaryKind, "bss_base_rate", "BSS vs base rate", "forecast questions",
                "1 − Σ (p − y)² / Σ (b − y)² over forecast questions, b = share of Yes among the binary questions", e => e.Binary?.SkillVsBaseRate, Signed: true),
            new(KindCells.BinaryKind, "bss_crowd", "BSS vs crowd", "forecast questions with a crowd forecast",
                "1 − Σ (p − y)² / Σ (c − y)² over forecast questions with a crowd probability c", e => e.Binary?.SkillVsCrowd, Signed: true),
        ];
    }

    /// <summary>Formulas of the columns that are not bootstrapped metrics.</summary>
    public static IReadOnlyList<(string Id, string Formula)> Other(LeaderboardOptions options)
    {
        var bins = options.CalibrationBins.ToString(CultureInfo.InvariantCulture);
        var level = (options.ConfidenceLevel * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var resamples = options.Resamples.ToString(CultureInfo.InvariantCulture);
        return
        [
            ("scored_day", "scores are taken on each run's last completed day: a resolved question with the last forecast made before it resolved, an open one with the forecast held that day, against its eventual truth"),
            ("coverage", "(seed, question) pairs with a forecast / (seeds · questions); the rest are abstentions"),
            ("interval", $"{level} % percentile bootstrap interval: {resamples} resamples, each drawing the seeds (runs) and the questions with replacement, seed {options.Seed.ToString(CultureInfo.InvariantCulture)}"),
            ("p_value", "two-sided paired bootstrap p-value min(1, 2 (min(#{Δ* ≤ 0}, #{Δ* ≥ 0}) + 1) / (B + 1)), Δ* = A − B on the same question draws"),
            ("calibration", "free-form: probability of the top outcome against whether it matches the truth; binary: p(Yes) against the outcome"),
            ("ece", $"expected calibration error Σ_k (n_k / n) |ȳ_k − p̄_k| over {bins} equal-width bins (equal-count: {bins} bins of equal size after sorting by p)"),
            ("sharpness", "variance of the forecast probabilities (1/n) Σ (p_i − p̄)²"),
            ("murphy", "Brier = REL − RES + UNC + WBV − WBC exactly; REL = (1/n) Σ_k n_k (p̄_k − ȳ_k)², RES = (1/n) Σ_k n_k (ȳ_k − ȳ)², UNC = ȳ (1 − ȳ), WBV = (1/n) Σ_k Σ_{i∈k} (p_i − p̄_k)², WBC = (2/n) Σ_k Σ_{i∈k} (p_i − p̄_k)(y_i − ȳ_k); REL − RES + UNC is the Brier score of the bin means"),
            ("abstentions", "(seed, question) pairs without a forecast on the last completed day (never forecast, or only an empty forecast)"),
            ("failed_runs", "runs whose manifest status is failed: a harness failure"),
            ("incomplete_runs", "runs whose event log has no run_completed line; scored up to their last completed day"),
            ("submissions", "accepted forecast submissions, summed over seeds"),
            ("refusals", "forecast submissions the harness refused, summed over seeds"),
            ("agent_failures", "agent days that failed, by kind (exception, timeout, endpoint), summed over seeds; the run went on"),
        ];
    }
}
