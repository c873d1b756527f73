using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Maps records of the bundled ForecastBench binary set: the question opens at the start of its
/// <c>first_question_set</c> day (UTC), resolves Yes when <c>resolved_to</c> is 1 and No when it is 0, and
/// carries the market's <c>freeze_value</c> (a JSON number or numeric string) as a crowd forecast usable
/// from <c>freeze_datetime</c> on. HTML in the background and resolution criteria becomes plain text.
/// </summary>
internal static class ForecastBenchQuestions
{
    public const string SetName = "forecastbench-binary";

    public static Question Map(RecordFields fields) => new()
    {
        Id = new QuestionId(fields.RequiredText("id")),
        Title = fields.RequiredText("question"),
        Background = HtmlText.ToPlainText(fields.Text("background")),
        ResolutionCriteria = HtmlText.ToPlainText(fields.Text("resolution_criteria")),
        Kind = QuestionKind.Binary,
        AnswerType = "binary",
        Options = [QuestionResolution.Yes, QuestionResolution.No],
        OpensAt = SimulatedTime.StartOf(fields.RequiredDate("first_question_set")),
        ResolutionDate = fields.RequiredDate("resolution_date"),
        Resolution = new QuestionResolution { Answer = Answer(fields) },
        Crowd = Crowd(fields),
        QuestionSet = SetName,
        Origin = fields.Text("source"),
        Url = fields.Text("url"),
    };

    private static string Answer(RecordFields fields)
    {
        var resolvedTo = fields.Number("resolved_to") ?? throw RecordFields.Missing(["resolved_to"]);
        return resolvedTo switch
        {
            1.0 => QuestionResolution.Yes,
            0.0 => QuestionResolution.No,
            _ => throw new RecordProblemException($"unknown answer for a binary question: resolved_to is {resolvedTo} (expected 1.0 for yes or 0.0 for no)"),
        };
    }

    private static CrowdForecast? Crowd(RecordFields fields)
    {
        var value = fields.Number("freeze_value");
        var at = fields.Instant("freeze_datetime");
        if (value is null && at is null)
        {
            return null;
        }

        if (value is null || at is null)
        {
            throw RecordFields.Missing([value is null ? "freeze_value" : "freeze_datetime"]);
        }

        return value is >= 0 and <= 1
            ? new CrowdForecast(at.Value, value.Value)
            : throw new RecordProblemException($"freeze_value {value} is not a probability in [0, 1]");
    }
}
