using FutureSim.Core.Input;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class BadQuestionRecordTests
{
    private const string Header = "qid,title,resolution_date,answer\n";
    private const string GoodRow = "q1,Who wins?,2026-01-15,Alice\n";

    private static void AssertFails(string path, string expected, QuestionFileFormat? format = null)
    {
        var error = QuestionFiles.LoadFails(path, format);
        Assert.Equal($"{path}:{expected}. {QuestionSetLoader.SkipInvalidAdvice}", error.Message);
    }

    [Fact]
    public void AMalformedJsonLineIsReportedAtItsLine()
    {
        var path = QuestionFiles.Write("questions.jsonl", """
            {"qid": "q1", "title": "Who wins?", "resolution_date": "2026-01-15", "answer": "Alice"}

            {"qid": "q2", "title": "Who
            """);
        var error = QuestionFiles.LoadFails(path);
        Assert.StartsWith($"{path}:3: malformed JSON: ", error.Message);
        Assert.EndsWith(QuestionSetLoader.SkipInvalidAdvice, error.Message);
        Assert.Equal(new RecordError(path, 3, error.Error.Problem), error.Error);
    }

    [Fact]
    public void AJsonLineThatIsNotAnObjectIsReportedAtItsLine() =>
        AssertFails(QuestionFiles.Write("questions.jsonl", "[1, 2]\n"), "1: expected a JSON object, found an array");

    [Theory]
    [InlineData(",Who wins?,2026-01-15,Alice", "missing required field 'qid' (also accepted: question_id, id)")]
    [InlineData("q1,,2026-01-15,Alice", "missing required field 'title' (also accepted: question_title, question)")]
    [InlineData("q1,Who wins?,,Alice", "missing required field 'resolution_date' (also accepted: close_time, resolve_time)")]
    [InlineData("q1,Who wins?,2026-01-15,  ", "missing required field 'ground_truth' (also accepted: ground_truth_answer, answer, resolution, resolved_to)")]
    public void ARecordMissingARequiredFieldIsReportedAtItsLine(string row, string problem) =>
        AssertFails(QuestionFiles.Write("questions.csv", Header + GoodRow.Replace("q1", "q0") + row + "\n"), "3: " + problem);

    [Fact]
    public void AJsonLinesRecordWithoutAnyAnswerColumnIsReported() =>
        AssertFails(
            QuestionFiles.Write("questions.jsonl", """{"id": "q1", "question": "Who wins?", "close_time": "2026-01-15"}"""),
            "1: missing required field 'ground_truth' (also accepted: ground_truth_answer, answer, resolution, resolved_to)");

    [Fact]
    public void AForecastBenchRecordWithoutResolvedToIsReported() =>
        AssertFails(
            QuestionFiles.Write("fb.jsonl", """{"id": "fb-1", "question": "Will it?", "first_question_set": "2025-01-01", "resolution_date": "2025-02-01"}"""),
            "1: missing required field 'resolved_to'",
            QuestionFileFormat.ForecastBenchJsonLines);

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("next week")]
    [InlineData("15/01/2026")]
    public void AnUnparsableDateIsReportedWithTheValue(string date) =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + $"q2,Who?,{date},Bob\n"),
            $"3: field 'resolution_date' is not a date: '{date}' (expected YYYY-MM-DD or an ISO 8601 date-time)");

    [Fact]
    public void ADuplicateIdInOneFileNamesTheLineOfTheFirst() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + "q2,Who?,2026-01-15,Bob\nq1,Again?,2026-01-16,Carol\n"),
            "4: duplicate id 'q1' (first used on line 2)");

    [Fact]
    public void ADuplicateIdAcrossFilesNamesTheFileAndLineOfTheFirst()
    {
        var first = QuestionFiles.Write("a.csv", Header + GoodRow);
        var second = QuestionFiles.Write("b.jsonl", """
            {"qid": "q7", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Bob"}
            {"qid": "q1", "title": "Who else?", "resolution_date": "2026-01-15", "answer": "Bob"}
            """);
        var error = Assert.Throws<InvalidInputException>(() =>
            QuestionSetLoader.LoadMany([new QuestionFileSource(first), new QuestionFileSource(second)], QuestionFiles.Failing));
        Assert.Equal($"{second}:2: duplicate id 'q1' (already loaded from {first}:2). {QuestionSetLoader.SkipInvalidAdvice}", error.Message);
    }

    [Theory]
    [InlineData("2025-03-01", "2025-02-01")]
    [InlineData("2025-03-01", "2025-03-01")]
    public void AQuestionResolvingBeforeItOpensIsReported(string openDate, string resolutionDate) =>
        AssertFails(
            QuestionFiles.Write("ff.jsonl", $$"""
                {"id": "ff-1", "title": "Who?", "answer": "Ann", "aliases": [], "open_date": "{{openDate}}", "resolution_date": "{{resolutionDate}}", "resolving_item_id": "wce-1"}
                """),
            $"1: question resolves on {resolutionDate} (at the start of that day) but opens at {openDate}T00:00:00Z: it must open before the day it resolves");

    [Fact]
    public void AFutureSimQuestionResolvingOnOrBeforeTheFirstDayIsReportedWithAHint() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + "q2,Who?,2025-12-24,Bob\n"),
            "3: question resolves on 2025-12-24 (at the start of that day) but opens at 2025-12-24T00:00:00Z: it must open before the day it resolves"
            + " (the file gives no open date, so it opens on the simulation's first day; start the simulation earlier or drop the question)");

    [Fact]
    public void AForecastBenchAnswerOtherThanZeroOrOneIsReported() =>
        AssertFails(
            QuestionFiles.Write("fb.jsonl", """
                {"id": "fb-1", "question": "Will it?", "first_question_set": "2025-01-01", "resolution_date": "2025-02-01", "resolved_to": 0.5}
                """),
            "1: unknown answer for a binary question: resolved_to is 0.5 (expected 1.0 for yes or 0.0 for no)",
            QuestionFileFormat.ForecastBenchJsonLines);

    [Fact]
    public void AnUnknownAnswerToAFutureSimBinaryQuestionIsReported() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer,answer_type\nq1,Will it?,2026-01-15,maybe,binary\n"),
            "2: unknown answer 'maybe' for a binary question (expected yes/no, true/false or 1/0)");

    [Fact]
    public void AMultipleChoiceAnswerThatIsNotAnOptionIsReported() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer,options\nq1,Which?,2026-01-15,Dan,Ann|Bob|Cy\n"),
            "2: answer 'Dan' is not one of the options [Ann, Bob, Cy]");

    [Fact]
    public void AMultipleChoiceQuestionWithOneOptionIsReported() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer,options\nq1,Which?,2026-01-15,Ann,Ann\n"),
            "2: a multiple-choice question needs at least two options, found 1");

    [Fact]
    public void AnUnterminatedQuoteIsReportedAtTheLineWhereItsRecordStarts() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + "q2,\"Who\nwins?\",2026-01-15,\"Bob\nq3,Who?,2026-01-16,Cy\n"),
            "3: unterminated quoted field (the quote opens on line 4 and is never closed)");

    [Fact]
    public void TextAfterAClosingQuoteIsReportedAtItsRecord() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + "q2,\"Who\"?,2026-01-15,Bob\n"),
            "3: unexpected character '?' after the closing quote of field 2");

    [Fact]
    public void ARowWithTheWrongNumberOfFieldsIsReported() =>
        AssertFails(
            QuestionFiles.Write("questions.csv", Header + GoodRow + "q2,Who, really?,2026-01-15,Bob\n"),
            "3: record has 5 fields but the header has 4");

    [Fact]
    public void AHeaderWithARepeatedColumnFailsTheFile()
    {
        var path = QuestionFiles.Write("questions.csv", "qid,title,Title,resolution_date,answer\n");
        Assert.Equal($"{path}:1: column 'Title' appears twice in the header. Fix the header row of the file.", QuestionFiles.LoadFails(path).Message);
    }

    [Fact]
    public void ABrokenJsonArrayFailsTheWholeFileAtItsLineEvenWhenSkipping()
    {
        var path = QuestionFiles.Write("questions.json", """
            [
              {"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"},
              {"qid": "q2", "title": "Who?", "resolution_date": "2026-01-15" "answer": "Bob"}
            ]
            """);
        var error = Assert.Throws<InvalidInputException>(() => QuestionSetLoader.Load(path, null, QuestionFiles.Skipping));
        Assert.StartsWith($"{path}:3: malformed JSON: ", error.Message);
        Assert.Contains("records cannot be skipped inside a broken JSON document", error.Message);
    }

    [Fact]
    public void AJsonArrayElementThatIsNotAnObjectIsReportedAtItsLine() =>
        AssertFails(QuestionFiles.Write("questions.json", "[\n  {\"qid\": \"q1\", \"title\": \"Who?\", \"resolution_date\": \"2026-01-15\", \"answer\": \"Ann\"},\n  \"q2\"\n]"), "3: array element is not a JSON object");

    [Theory]
    [InlineData("questions.parquet", "id,title\n")]
    [InlineData("questions.bin", "PAR1\u0015\u0004")]
    public void ParquetFilesAreRefusedWithHowToConvertThem(string name, string content)
    {
        var path = QuestionFiles.Write(name, content);
        var error = QuestionFiles.LoadFails(path);
        Assert.Equal($"{path}: Parquet question files are not supported. Convert it to JSON Lines or CSV first, e.g. with pandas: "
            + "pd.read_parquet('questions.parquet').to_json('questions.jsonl', orient='records', lines=True).", error.Message);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var path = QuestionFiles.Write("questions.csv", Header);
        Assert.Equal($"{path}: the file holds no questions. Check that this is the question file you meant.", QuestionFiles.LoadFails(path).Message);
    }

    [Fact]
    public void AMissingFileIsReported()
    {
        var path = Path.Combine(QuestionFiles.Corpora, "no-such-questions.csv");
        Assert.Equal($"{path}: question file not found. Check the path.", QuestionFiles.LoadFails(path).Message);
    }

    [Fact]
    public void AFutureSimFileNeedsADefaultOpenInstant()
    {
        var path = QuestionFiles.Write("questions.csv", Header + GoodRow);
        var error = Assert.Throws<ArgumentException>(() => QuestionSetLoader.Load(path, null, new QuestionLoadOptions()));
        Assert.Contains("DefaultOpensAt", error.Message);
    }
}
