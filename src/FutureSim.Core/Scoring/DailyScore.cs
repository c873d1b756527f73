namespace FutureSim.Core.Scoring;

/// <summary>
/// One agent's scores on one simulated day. Each question counts with the forecast it holds that day
/// (same-day submissions included), or for a question already resolved the last forecast made before it
/// resolved, scored against the eventual truth. Means are null when no question qualifies.
/// </summary>
public sealed record DailyScore
{
    public required DateOnly Day { get; init; }

    /// <summary>Questions resolved on or before this day.</summary>
    public required int Resolved { get; init; }

    /// <summary>Accepted forecasts submitted this day.</summary>
    public required int Submissions { get; init; }

    /// <summary>Forecasts refused this day.</summary>
    public required int Refusals { get; init; }

    /// <summary>Agent failures recorded this day (any kind).</summary>
    public required int Failures { get; init; }

    public required int BinaryQuestions { get; init; }

    /// <summary>Binary questions with a forecast held.</summary>
    public required int BinaryForecast { get; init; }

    /// <summary>Mean <c>(p − y)²</c> over binary questions with a forecast.</summary>
    public double? Brier { get; init; }

    /// <summary>Mean clipped <c>ln p(outcome)</c> over binary questions with a forecast.</summary>
    public double? LogScore { get; init; }

    /// <summary>Mean accuracy at 0.5 over binary questions with a forecast.</summary>
    public double? BinaryAccuracy { get; init; }

    /// <summary>Free-form and multiple-choice questions.</summary>
    public required int FreeFormQuestions { get; init; }

    /// <summary>Free-form and multiple-choice questions with a forecast held.</summary>
    public required int FreeFormForecast { get; init; }

    /// <summary>FutureSim's daily value: Σ BSS over all free-form questions / their number (never forecast = 0).</summary>
    public double? Skill { get; init; }

    /// <summary>Σ BSS over free-form questions with a forecast / their number.</summary>
    public double? SkillOverForecast { get; init; }

    /// <summary>Top-1 correct free-form questions / all free-form questions.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Mean truth mass over all free-form questions.</summary>
    public double? TruthMass { get; init; }

    /// <summary>Mean over all free-form questions of their time-weighted score accumulated up to this day.</summary>
    public double? TimeWeighted { get; init; }
}
