using System.Collections.Immutable;
using System.Globalization;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// The formulas and rules of the leaderboard figures that are not bootstrapped metrics, in output order; every
/// exporter names them from here.
/// </summary>
public static class LeaderboardNotes
{
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static LeaderboardNote ScoredDay { get; } = new("scored_day", _ =>
        "scores are taken on each run's last completed day: a resolved question with the last forecast made before it resolved, an open one with the forecast held that day, against its eventual truth");

    public static LeaderboardNote Coverage { get; } = new("coverage", _ => "(seed, question) pairs with a forecast / (seeds · questions); the rest are abstentions");

    public static LeaderboardNote Interval { get; } = new("interval", o =>
        $"{(o.ConfidenceLevel * 100).ToString("0.##", CultureInfo.InvariantCulture)} % percentile bootstrap interval: {Text(o.Resamples)} resamples, each drawing the seeds (runs) and the questions with replacement, seed {Text(o.Seed)}");

    public static LeaderboardNote PValue { get; } = new("p_value", _ =>
        "two-sided paired bootstrap p-value min(1, 2 (min(#{Δ* ≤ 0}, #{Δ* ≥ 0}) + 1) / (B + 1)), Δ* = A − B on the same question draws");

    public static LeaderboardNote Calibration { get; } = new("calibration", _ =>
        "free-form: probability of the top outcome against whether it matches the truth; binary: p(Yes) against the outcome");

    public static LeaderboardNote Ece { get; } = new("ece", o =>
        $"expected calibration error Σ_k (n_k / n) |ȳ_k − p̄_k| over {Text(o.CalibrationBins)} equal-width bins (equal-count: at most {Text(o.CalibrationBins)} bins of equal size after sorting by p, equal forecasts always in one bin)");

    public static LeaderboardNote Sharpness { get; } = new("sharpness", _ => "variance of the forecast probabilities (1/n) Σ (p_i − p̄)²");

    public static LeaderboardNote Murphy { get; } = new("murphy", _ =>
        "Brier = REL − RES + UNC + WBV − WBC exactly; REL = (1/n) Σ_k n_k (p̄_k − ȳ_k)², RES = (1/n) Σ_k n_k (ȳ_k − ȳ)², UNC = ȳ (1 − ȳ), WBV = (1/n) Σ_k Σ_{i∈k} (p_i − p̄_k)², WBC = (2/n) Σ_k Σ_{i∈k} (p_i − p̄_k)(y_i − ȳ_k); REL − RES + UNC is the Brier score of the bin means");

    public static LeaderboardNote Abstentions { get; } = new("abstentions", _ =>
        "(seed, question) pairs without a forecast on the last completed day (never forecast, or only an empty forecast)");

    public static LeaderboardNote FailedRuns { get; } = new("failed_runs", _ => "runs whose manifest status is failed: a harness failure");

    public static LeaderboardNote IncompleteRuns { get; } = new("incomplete_runs", _ =>
        "runs whose event log has no run_completed line; scored up to their last completed day");

    public static LeaderboardNote Submissions { get; } = new("submissions", _ => "accepted forecast submissions, summed over seeds");

    public static LeaderboardNote Refusals { get; } = new("refusals", _ => "forecast submissions the harness refused, summed over seeds");

    public static LeaderboardNote AgentFailures { get; } = new("agent_failures", _ =>
        "agent days that failed, by kind (exception, timeout, endpoint), summed over seeds; the run went on");

    /// <summary>Named only where a leaderboard has model usage (agents that call a model).</summary>
    public static LeaderboardNote ModelUsage { get; } = new("model_usage", _ =>
        "summed over the runs from each agent's agents/<name>/usage.csv; cost = input tokens × input price + output tokens × output price (per million tokens, as configured)");

    /// <summary>The notes every leaderboard names, in output order.</summary>
    public static ImmutableArray<LeaderboardNote> All { get; } =
        [ScoredDay, Coverage, Interval, PValue, Calibration, Ece, Sharpness, Murphy, Abstentions, FailedRuns, IncompleteRuns, Submissions, Refusals, AgentFailures];
}
