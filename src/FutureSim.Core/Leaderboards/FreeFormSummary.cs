using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// An entry's scores on free-form and multiple-choice questions on each run's last day, pooled over its seeds.
/// Every output names the formulas; every mean over "all questions" counts a
/// question never forecast as 0.
/// </summary>
public sealed record FreeFormSummary
{
    /// <summary>1-based, by <see cref="Skill"/> descending.</summary>
    public required int Rank { get; init; }

    public required int Questions { get; init; }

    /// <summary>(seed, question) pairs with a forecast; the others are abstentions.</summary>
    public required int Forecasts { get; init; }

    /// <summary>The pooled seeds (runs).</summary>
    public required int Seeds { get; init; }

    /// <summary>Questions with a forecast / all questions, pooled over seeds: Forecasts / (Seeds · Questions).</summary>
    public double Coverage => (double)Forecasts / (Seeds * Questions);

    /// <summary>FutureSim's headline: mean BSS over all questions.</summary>
    public required Estimate Skill { get; init; }

    /// <summary>Mean BSS over forecast questions only.</summary>
    public Estimate? SkillOverForecast { get; init; }

    /// <summary>Top-1 correct / all questions.</summary>
    public required Estimate Accuracy { get; init; }

    /// <summary>Mean truth mass over all questions.</summary>
    public required Estimate TruthMass { get; init; }

    /// <summary>Mean over all questions of FutureSim's time-weighted score (−100 … 100).</summary>
    public required Estimate TimeWeighted { get; init; }

    /// <summary>Top-outcome probability against top-1 correctness, equal-width bins.</summary>
    public required CalibrationSummary Calibration { get; init; }

    /// <summary>The same with equal-count bins.</summary>
    public required CalibrationSummary CalibrationEqualCount { get; init; }
}
