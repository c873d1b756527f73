using FutureSim.Core.Questions;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Maps records of the bundled free-form set: a free-form question that opens at the start of its
/// <c>open_date</c> (UTC) and resolves to <c>answer</c>, with <c>aliases</c> as other accepted forms.
/// </summary>
internal static class FreeFormQuestions
{
    public const string SetName = "freeform";

    public static Question Map(RecordFields fields) => new()
    {
        Id = new QuestionId(fields.RequiredText("id")),
        Title = fields.RequiredText("title"),
        Background = fields.Text("background") ?? "",
        ResolutionCriteria = fields.Text("resolution_criteria") ?? "",
        Kind = QuestionKind.FreeForm,
        AnswerType = fields.Text("answer_type") ?? "",
        OpensAt = fields.RequiredInstant("open_date"),
        ResolutionDate = fields.RequiredDate("resolution_date"),
        Resolution = new QuestionResolution { Answer = fields.RequiredText("answer"), Aliases = fields.List("aliases") },
        QuestionSet = SetName,
    };
}
