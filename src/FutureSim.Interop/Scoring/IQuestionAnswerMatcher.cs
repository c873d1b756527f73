using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Interop.Scoring;

/// <summary>An answer matcher whose decision may depend on the question (a judge that was not consistent across questions).</summary>
public interface IQuestionAnswerMatcher : IAnswerMatcher
{
    ValueTask<bool> MatchesAsync(QuestionId question, string outcome, QuestionResolution truth, CancellationToken cancellationToken);
}
