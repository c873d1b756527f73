using FutureSim.Core.Questions;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Decides whether a forecast outcome names the truth of a free-form or multiple-choice question.
/// Implementations are composed (exact → normalised → aliases → judge) behind this one contract.
/// </summary>
public interface IAnswerMatcher
{
    ValueTask<bool> MatchesAsync(string outcome, QuestionResolution truth, CancellationToken cancellationToken);
}
