using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Maps records of FutureSim question files (CSV, JSON Lines, JSON), accepting its column aliases:
/// id = <c>qid | question_id | id</c>; title = <c>title | question_title | question</c>; resolution date =
/// <c>resolution_date | close_time | resolve_time</c>; answer = <c>ground_truth | ground_truth_answer | answer |
/// resolution | resolved_to</c>; optional <c>background</c>, <c>resolution_criteria</c>, <c>answer_type</c>,
/// <c>options</c>, and, beyond FutureSim, <c>aliases</c>, <c>open_date</c>, <c>source</c> and <c>url</c>.
/// <para>
/// The kind: a question is binary when <c>answer_type</c> is "binary", when its options are exactly Yes and
/// No, or when it has no options and its answer is yes/no/true/false (or 1/0 in <c>resolved_to</c>); it is
/// multiple-choice when it has other options (at least two, the answer being one of them); otherwise it is
/// free-form. A question opens at its <c>open_date</c> if given, else at the default open instant.
/// </para>
/// </summary>
internal static class FutureSimQuestions
{
    private static readonly string[] IdNames = ["qid", "question_id", "id"];
    private static readonly string[] TitleNames = ["title", "question_title", "question"];
    private static readonly string[] ResolutionDateNames = ["resolution_date", "close_time", "resolve_time"];
    private static readonly string[] AnswerNames = ["ground_truth", "ground_truth_answer", "answer", "resolution", "resolved_to"];

    public static Question Map(RecordFields fields, DateTimeOffset defaultOpensAt, string setName)
    {
        var id = new QuestionId(fields.RequiredText(IdNames));
        var title = fields.RequiredText(TitleNames);
        var resolutionDate = fields.RequiredDate(ResolutionDateNames);
        if (!fields.TryGet(AnswerNames, out var answerColumn, out _))
        {
            throw RecordFields.Missing(AnswerNames);
        }

        var answer = fields.RequiredText(AnswerNames);
        var answerType = fields.Text("answer_type") ?? "";
        var options = fields.List("options");
        var aliases = fields.List("aliases");
        var question = new Question
        {
            Id = id,
            Title = title,
            Background = fields.Text("background") ?? "",
            ResolutionCriteria = fields.Text("resolution_criteria") ?? "",
            Kind = QuestionKind.FreeForm,
            AnswerType = answerType,
            OpensAt = fields.Instant("open_date") ?? defaultOpensAt,
            ResolutionDate = resolutionDate,
            Resolution = new QuestionResolution { Answer = answer, Aliases = aliases },
            QuestionSet = setName,
            Origin = fields.Text("source"),
            Url = fields.Text("url"),
        };

        var declaredBinary = answerType.Equals("binary", StringComparison.OrdinalIgnoreCase) || AreYesNo(options);
        var numericAllowed = declaredBinary || answerColumn == "resolved_to";
        if (declaredBinary || (options.IsEmpty && BinaryAnswer(answer, numericAllowed) is not null))
        {
            var binary = BinaryAnswer(answer, numericAllowed)
                ?? throw new RecordProblemException($"unknown answer '{RecordFields.Shorten(answer)}' for a binary question (expected yes/no, true/false or 1/0)");
            return question with
            {
                Kind = QuestionKind.Binary,
                AnswerType = "binary",
                Options = [QuestionResolution.Yes, QuestionResolution.No],
                Resolution = new QuestionResolution { Answer = binary },
            };
        }

        return options.IsEmpty ? question : MultipleChoice(question, options);
    }

    private static Question MultipleChoice(Question question, ImmutableArray<string> options)
    {
        var keys = options.Select(NormalisingAnswerMatcher.Normalise).ToList();
        if (options.Length < 2)
        {
            throw new RecordProblemException($"a multiple-choice question needs at least two options, found {options.Length}");
        }

        if (keys.Distinct().Count() != keys.Count)
        {
            throw new RecordProblemException($"options repeat an option: [{string.Join(", ", options)}]");
        }

        var index = keys.IndexOf(NormalisingAnswerMatcher.Normalise(question.Resolution.Answer));
        if (index < 0)
        {
            throw new RecordProblemException(
                $"answer '{RecordFields.Shorten(question.Resolution.Answer)}' is not one of the options [{string.Join(", ", options)}]");
        }

        return question with
        {
            Kind = QuestionKind.MultipleChoice,
            AnswerType = question.AnswerType.Length > 0 ? question.AnswerType : "multiple_choice",
            Options = options,
            Resolution = question.Resolution with { Answer = options[index] },
        };
    }

    private static bool AreYesNo(ImmutableArray<string> options) =>
        options.Length == 2
        && options.Select(o => o.ToLowerInvariant()).Order(StringComparer.Ordinal).SequenceEqual(["no", "yes"]);

    private static string? BinaryAnswer(string answer, bool numericAllowed) => answer.ToLowerInvariant() switch
    {
        "yes" or "true" => QuestionResolution.Yes,
        "no" or "false" => QuestionResolution.No,
        "1" or "1.0" when numericAllowed => QuestionResolution.Yes,
        "0" or "0.0" when numericAllowed => QuestionResolution.No,
        _ => null,
    };
}
