using FutureSim.Core.Input;
using FutureSim.Corpus.Questions;
using FutureSim.Interop.Native;
using FutureSim.Interop.Tests.TestData;
using Parquet.Serialization;

namespace FutureSim.Interop.Tests.Native;

public sealed class ParquetQuestionTests
{
    [Fact]
    public async Task AParquetQuestionFileIsReadWithFutureSimsColumnAliases()
    {
        using var folder = new TempFolder();
        var file = folder.Sub("questions.parquet");
        await ParquetSerializer.SerializeAsync(
            new[] { new Row { question_id = "q1", question = "Who?", resolve_time = new DateTime(2026, 1, 4, 12, 0, 0, DateTimeKind.Utc), answer = "Ann" } }, file);

        var questions = QuestionFiles.Load(file, new QuestionLoadOptions { DefaultOpensAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        var question = Assert.Single(questions);
        Assert.Equal(("q1", "Who?", new DateOnly(2026, 1, 4), "Ann"), (question.Id.Value, question.Title, question.ResolutionDate, question.Resolution.Answer));
    }

    [Fact]
    public async Task ABadParquetRowNamesTheFileAndRow()
    {
        using var folder = new TempFolder();
        var file = folder.Sub("questions.parquet");
        await ParquetSerializer.SerializeAsync(
            new[] { new Row { question_id = "q1", question = "Who?", resolve_time = new DateTime(2026, 1, 4), answer = "Ann" }, new Row { question_id = "q2", question = "", resolve_time = new DateTime(2026, 1, 4), answer = "Bo" } }, file);

        var error = Assert.Throws<InvalidInputException>(() => QuestionFiles.Load(file, new QuestionLoadOptions { DefaultOpensAt = DateTimeOffset.UnixEpoch }));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

#pragma warning disable IDE1006, SA1300 // column names as FutureSim's files spell them
    private sealed class Row
    {
        public string question_id { get; set; } = "";

        public string question { get; set; } = "";

        public DateTime resolve_time { get; set; }

        public string answer { get; set; } = "";
    }
#pragma warning restore IDE1006, SA1300
}
