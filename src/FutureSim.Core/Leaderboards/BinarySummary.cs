using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// An entry's scores on binary questions on each run's last day, pooled over its seeds. Means run over the
/// questions it forecast; <see cref="Coverage"/> says how many those are.
/// </summary>
public sealed record BinarySummary
{
    /// <summary>1-based, by <see cref="Brier"/> ascending (entries without forecasts last).</summary>
    public required int Rank { get; init; }

    public required int Questions { get; init; }

    /// <summary>(seed, question) pairs with a forecast; the others are abstentions.</summary>
    public required int Forecasts { get; init; }

    /// <summary>The pooled seeds (runs).</summary>
    public required int Seeds { get; init; }

    /// <summary>Questions with a forecast / all questions, pooled over seeds: Forecasts / (Seeds · Questions).</summary>
    public double Coverage => (double)Forecasts / (Seeds * Questions);

    /// <summary>Questions that carry a crowd forecast.</summary>
    public required int CrowdQuestions { get; init; }

    /// <summary>The share of Yes among the binary questions (the base-rate reference).</summary>
    public required double BaseRate { get; init; }

    public Estimate? Brier { get; init; }

    public Estimate? LogScore { get; init; }

    public Estimate? Accuracy { get; init; }

    /// <summary>1 − Σ BS / Σ (0.5 − y)².</summary>
    public Estimate? SkillVsUniform { get; init; }

    /// <summary>1 − Σ BS / Σ (b − y)², b = <see cref="BaseRate"/>.</summary>
    public Estimate? SkillVsBaseRate { get; init; }

    /// <summary>1 − Σ BS / Σ (c − y)² over forecast questions with a crowd probability c.</summary>
    public Estimate? SkillVsCrowd { get; init; }

    public required CalibrationSummary Calibration { get; init; }

    public required CalibrationSummary CalibrationEqualCount { get; init; }
}
