using FutureSim.Core.Input;
using FutureSim.Corpus.Questions;

namespace FutureSim.Corpus.Tests.Questions;

public sealed class SkippingInvalidQuestionsTests
{
    [Fact]
    public void SkippingKeepsEveryValidRecordAndReturnsEveryBadOneWithItsLine()
    {
        var path = QuestionFiles.Write("questions.jsonl", """
            {"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"}
            {"qid": "q2", "title": "Who?", "resolution_date": "2026-01-15", "answer":
            {"qid": "q3", "resolution_date": "2026-01-15", "answer": "Cy"}
            {"qid": "q4", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Di"}
            {"qid": "q1", "title": "Again?", "resolution_date": "2026-01-15", "answer": "Ed"}
            {"qid": "q6", "title": "Will it?", "resolution_date": "2026-01-15", "answer": "perhaps", "answer_type": "binary"}
            {"qid": "q7", "title": "Who?", "resolution_date": "2025-12-01", "answer": "Fay"}
            {"qid": "q8", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Gus"}
            """);
        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Equal(["q1", "q4", "q8"], set.Questions.Select(q => q.Id.Value));
        Assert.Equal([2L, 3, 5, 6, 7], set.Skipped.Select(e => e.Line));
        Assert.All(set.Skipped, e => Assert.Equal(path, e.File));
        Assert.Equal("missing required field 'title' (also accepted: question_title, question)", set.Skipped[1].Problem);
        Assert.Equal("duplicate id 'q1' (first used on line 1)", set.Skipped[2].Problem);
    }

    [Fact]
    public void SkippingDropsARepeatedIdFromTheLaterFileOnly()
    {
        var first = QuestionFiles.Write("a.csv", "qid,title,resolution_date,answer\nq1,Who?,2026-01-15,Ann\nq2,Who?,2026-01-15,Bob\n");
        var second = QuestionFiles.Write("b.csv", "qid,title,resolution_date,answer\nq2,Who?,2026-01-15,Cy\nq3,Who?,2026-01-15,Di\n");
        var sets = QuestionSetLoader.LoadMany([new QuestionFileSource(first), new QuestionFileSource(second)], QuestionFiles.Skipping);
        Assert.Equal(["q1", "q2"], sets[0].Questions.Select(q => q.Id.Value));
        Assert.Empty(sets[0].Skipped);
        Assert.Equal(["q3"], sets[1].Questions.Select(q => q.Id.Value));
        Assert.Equal(new RecordError(second, 2, $"duplicate id 'q2' (already loaded from {first}:3)"), Assert.Single(sets[1].Skipped));
    }

    [Fact]
    public void ACsvRecordWithABadQuoteIsSkippedAndReadingGoesOnAtTheNextLine()
    {
        var path = QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer\nq1,\"Who\"x,2026-01-15,Ann\nq2,Who?,2026-01-15,Bob\n");
        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Equal("q2", Assert.Single(set.Questions).Id.Value);
        Assert.Equal(new RecordError(path, 2, "unexpected character 'x' after the closing quote of field 2"), Assert.Single(set.Skipped));
    }

    [Fact]
    public void AFileOfOnlyBadRecordsLoadsNoQuestionsAndReportsThemAll()
    {
        var path = QuestionFiles.Write("questions.csv", "qid,title,resolution_date,answer\nq1,Who?,never,Ann\nq2,,2026-01-15,Bob\n");
        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Empty(set.Questions);
        Assert.Equal(2, set.Skipped.Length);
    }
}
