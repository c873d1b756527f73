using System.Collections.Immutable;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Forecasts;

/// <summary>
/// A probability distribution over named outcomes for one question. Binary questions use the outcome
/// names <see cref="QuestionResolution.Yes"/>/<see cref="QuestionResolution.No"/>; unassigned mass means
/// "something else". Outcomes are kept sorted by name so that serialisation is deterministic.
/// </summary>
public sealed record Forecast(QuestionId QuestionId, ImmutableSortedDictionary<string, double> Outcomes)
{
    /// <summary>The probability of Yes for a binary question: p(Yes), else 1 − p(No), else null.</summary>
    public double? ProbabilityYes =>
        Outcomes.TryGetValue(QuestionResolution.Yes, out var yes) ? yes
        : Outcomes.TryGetValue(QuestionResolution.No, out var no) ? 1 - no
        : null;
}
