using System.Collections.Immutable;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// An entry's scores on one kind of question (free-form and multiple-choice, or binary) on each run's last day,
/// pooled over its seeds: one estimate per metric of <see cref="LeaderboardMetrics.Of"/> its kind, and calibration.
/// Means over "all questions" count a question never forecast as 0; means over forecast questions leave it out.
/// </summary>
public sealed record KindSummary
{
    /// <summary><see cref="LeaderboardMetric.FreeFormKind"/> or <see cref="LeaderboardMetric.BinaryKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>1-based, by the kind's headline metric (<see cref="LeaderboardMetrics.Headline"/>); entries without a value last.</summary>
    public required int Rank { get; init; }

    public required int Questions { get; init; }

    /// <summary>(seed, question) pairs with a forecast; the others are abstentions.</summary>
    public required int Forecasts { get; init; }

    /// <summary>The pooled seeds (runs).</summary>
    public required int Seeds { get; init; }

    /// <summary>Questions with a forecast / all questions, pooled over seeds: Forecasts / (Seeds · Questions).</summary>
    public double Coverage => (double)Forecasts / (Seeds * Questions);

    /// <summary>(seed, question) pairs without a forecast.</summary>
    public int Abstentions => (Seeds * Questions) - Forecasts;

    /// <summary>The estimates, one per metric of the kind, in table order (null where undefined, e.g. nothing forecast).</summary>
    public required ImmutableArray<Estimate?> Estimates { get; init; }

    /// <summary>Binary: questions that carry a crowd forecast; null for free-form.</summary>
    public int? CrowdQuestions { get; init; }

    /// <summary>Binary: the share of Yes among the binary questions (the base-rate reference); null for free-form.</summary>
    public double? BaseRate { get; init; }

    /// <summary>Free-form: the top outcome's probability against top-1 correctness; binary: p(Yes) against the outcome. Equal-width bins.</summary>
    public required CalibrationSummary Calibration { get; init; }

    /// <summary>The same with equal-count bins.</summary>
    public required CalibrationSummary CalibrationEqualCount { get; init; }

    /// <summary>The estimate of <paramref name="metric"/>, a metric of this kind.</summary>
    public Estimate? this[LeaderboardMetric metric]
    {
        get
        {
            var index = LeaderboardMetrics.Of(Kind).IndexOf(metric);
            return index >= 0 ? Estimates[index] : throw new ArgumentException($"{metric.Id} is not a {Kind} metric.", nameof(metric));
        }
    }
}
