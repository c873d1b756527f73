using FutureSim.Core.Questions;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class FutureSimQuestionFileTests
{
    private static QuestionSetLoadResult Load(string path, QuestionFileFormat? format = null) =>
        QuestionSetLoader.Load(path, format, QuestionFiles.Failing);

    private static Question Only(string path, QuestionFileFormat? format = null) => Assert.Single(Load(path, format).Questions);

    [Fact]
    public void QuotedFieldsKeepCommasDoubledQuotesAndLineBreaks()
    {
        var path = QuestionFiles.Write("questions.csv",
            "qid,title,background,resolution_date,answer\r\n"
            + "q1,\"Who wins, and when?\",\"She said \"\"soon\"\".\r\nSecond line.\",2026-01-15,\"Smith, Jane\"\r\n");
        var question = Only(path);
        Assert.Equal("Who wins, and when?", question.Title);
        Assert.Equal("She said \"soon\".\nSecond line.", question.Background);
        Assert.Equal("Smith, Jane", question.Resolution.Answer);
    }

    [Fact]
    public void LinesAreCountedThroughMultiLineFieldsBlankLinesAndCarriageReturns()
    {
        var path = QuestionFiles.Write("questions.csv",
            "\uFEFFqid,title,resolution_date,answer\r\n"
            + "q1,\"Three\nline\ntitle\",2026-01-15,Ann\r\n"
            + "\r\n"
            + "q2,Who?,2026-01-15,Bob\r"
            + "q3,Who?,not a date,Cy\n");
        var error = QuestionFiles.LoadFails(path);
        Assert.Equal(7, error.Error.Line);
        var skipping = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Equal(["q1", "q2"], skipping.Questions.Select(q => q.Id.Value));
    }

    [Fact]
    public void AQuoteInsideAnUnquotedFieldIsText() =>
        Assert.Equal("The 5\" screen?", Only(QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer\nq1,The 5\" screen?,2026-01-15,Ann")).Title);

    [Fact]
    public void ColumnAliasesAndColumnCaseAreAccepted()
    {
        var question = Only(QuestionFiles.Write("questions.csv",
            "Question_ID,Question_Title,Close_Time,Ground_Truth_Answer,Resolution_Criteria\nq9,Who?,2026-01-15T18:30:00-08:00,Ann,Official results.\n"));
        Assert.Equal("q9", question.Id.Value);
        Assert.Equal("Who?", question.Title);
        Assert.Equal(new DateOnly(2026, 1, 16), question.ResolutionDate);
        Assert.Equal("Ann", question.Resolution.Answer);
        Assert.Equal("Official results.", question.ResolutionCriteria);
    }

    [Fact]
    public void QuestionsOpenAtTheDefaultInstantUnlessTheFileGivesAnOpenDate()
    {
        var set = Load(QuestionFiles.Write("questions.jsonl", """
            {"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"}
            {"qid": "q2", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Bob", "open_date": "2026-01-02"}
            """));
        Assert.Equal(QuestionFiles.FirstDay, set.Questions[0].OpensAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), set.Questions[1].OpensAt);
        Assert.Equal("questions", set.Name);
        Assert.All(set.Questions, q => Assert.Equal("questions", q.QuestionSet));
    }

    [Theory]
    [InlineData("answer_type,answer,options", "binary,yes,", QuestionKind.Binary, "Yes")]
    [InlineData("answer_type,answer,options", "Binary,0,", QuestionKind.Binary, "No")]
    [InlineData("answer_type,answer,options", ",No,", QuestionKind.Binary, "No")]
    [InlineData("answer_type,answer,options", ",TRUE,", QuestionKind.Binary, "Yes")]
    [InlineData("answer_type,resolved_to,options", ",1.0,", QuestionKind.Binary, "Yes")]
    [InlineData("answer_type,answer,options", ",no,Yes|No", QuestionKind.Binary, "No")]
    [InlineData("answer_type,answer,options", ",1,", QuestionKind.FreeForm, "1")]
    [InlineData("answer_type,answer,options", "Name (person),Ann,", QuestionKind.FreeForm, "Ann")]
    [InlineData("answer_type,answer,options", ",bob,Ann|Bob|Cy", QuestionKind.MultipleChoice, "Bob")]
    public void TheAnswerTypeOptionsAndAnswerDecideTheKind(string columns, string values, QuestionKind kind, string answer)
    {
        var question = Only(QuestionFiles.Write("questions.csv", $"qid,title,resolution_date,{columns}\nq1,Which?,2026-01-15,{values}\n"));
        Assert.Equal(kind, question.Kind);
        Assert.Equal(answer, question.Resolution.Answer);
        if (kind == QuestionKind.Binary)
        {
            Assert.Equal<string>(["Yes", "No"], question.Options);
            Assert.Equal("binary", question.AnswerType);
        }
    }

    [Theory]
    [InlineData("\"[\"\"Ann\"\", \"\"Bob, Jr.\"\"]\"")]
    [InlineData("\"['Ann', 'Bob, Jr.']\"")]
    [InlineData("\"Ann | Bob, Jr.\"")]
    public void OptionsInACsvCellMayBeAJsonListAPythonListOrPipeSeparated(string cell)
    {
        var question = Only(QuestionFiles.Write("questions.csv", $"qid,title,resolution_date,answer,options\nq1,Which?,2026-01-15,Ann,{cell}\n"));
        Assert.Equal(QuestionKind.MultipleChoice, question.Kind);
        Assert.Equal<string>(["Ann", "Bob, Jr."], question.Options);
        Assert.Equal("multiple_choice", question.AnswerType);
    }

    [Fact]
    public void JsonLinesOptionsAndAliasesAreJsonArrays()
    {
        var question = Only(QuestionFiles.Write("questions.jsonl", """
            {"qid": "q1", "title": "Which?", "resolution_date": "2026-01-15", "ground_truth": "Ann", "options": ["Ann", "Bob"], "aliases": ["A."]}
            """));
        Assert.Equal<string>(["Ann", "Bob"], question.Options);
        Assert.Equal<string>(["A."], question.Resolution.Aliases);
    }

    [Fact]
    public void AJsonArrayFileGivesEachRecordTheLineItStartsOn()
    {
        var path = QuestionFiles.Write("questions.json", """
            [
              {"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"},
              {
                "qid": "q2", "title": "Who?", "resolution_date": "2026-01-15"
              },
              {"qid": "q3", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Cy"}
            ]
            """);
        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Equal(["q1", "q3"], set.Questions.Select(q => q.Id.Value));
        Assert.Equal(3, Assert.Single(set.Skipped).Line);
    }

    [Theory]
    [InlineData("questions.csv", "qid,title\n", QuestionFileFormat.FutureSimCsv)]
    [InlineData("questions.json", "  [{\"qid\": 1}]", QuestionFileFormat.FutureSimJson)]
    [InlineData("questions.json", "{\"qid\": 1}\n", QuestionFileFormat.FutureSimJsonLines)]
    [InlineData("questions.jsonl", "{\"qid\": \"q1\"}\n", QuestionFileFormat.FutureSimJsonLines)]
    [InlineData("questions.txt", "qid,title\n", QuestionFileFormat.FutureSimCsv)]
    [InlineData("questions.txt", "{\"qid\": \"q1\"}\n", QuestionFileFormat.FutureSimJsonLines)]
    [InlineData("data.jsonl", "{\"id\": \"x\", \"first_question_set\": \"2025-01-01\", \"resolved_to\": 1.0}\n", QuestionFileFormat.ForecastBenchJsonLines)]
    [InlineData("data.jsonl", "{\"id\": \"x\", \"open_date\": \"2025-01-01\", \"resolving_item_id\": \"wce-1\"}\n", QuestionFileFormat.FreeFormJsonLines)]
    public void TheFormatIsDetectedFromTheNameAndContent(string name, string content, QuestionFileFormat expected) =>
        Assert.Equal(expected, QuestionSetLoader.DetectFormat(QuestionFiles.Write(name, content)));

    [Fact]
    public void GzipFilesAreReadWhateverTheirName()
    {
        var path = QuestionFiles.WriteGzip("questions.csv.gz", "qid,title,resolution_date,answer\nq1,Who?,2026-01-15,Ann\n");
        Assert.Equal(QuestionFileFormat.FutureSimCsv, QuestionSetLoader.DetectFormat(path));
        var set = Load(path);
        Assert.Equal("questions", set.Name);
        Assert.Equal("Ann", Assert.Single(set.Questions).Resolution.Answer);
    }

    [Fact]
    public void AnExplicitFormatOverridesDetection()
    {
        var path = QuestionFiles.Write("questions.csv", """{"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"}""");
        Assert.Equal("Ann", Only(path, QuestionFileFormat.FutureSimJsonLines).Resolution.Answer);
    }
}
