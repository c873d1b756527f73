using FutureSim.Core.Questions;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// The answer (or an alias) <see cref="Term"/> of question <see cref="Question"/> appears in the
/// <see cref="Field"/> ("title" or "background") of question <see cref="FoundIn"/>, which is listed to agents
/// before <see cref="Question"/> resolves — or is the question itself (<see cref="InOwnQuestion"/>).
/// <see cref="Excerpt"/> is the text around the match.
/// </summary>
public sealed record QuestionLeak(QuestionId Question, string Term, QuestionId FoundIn, string Field, string Excerpt)
{
    public bool InOwnQuestion => Question == FoundIn;

    public override string ToString() => InOwnQuestion
        ? $"the answer '{Term}' of {Question} appears in its own {Field}: \"{Excerpt}\""
        : $"the answer '{Term}' of {Question} appears in the {Field} of {FoundIn}, listed before {Question} resolves: \"{Excerpt}\"";
}
