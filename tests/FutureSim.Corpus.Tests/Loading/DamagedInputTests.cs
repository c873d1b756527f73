using System.IO.Compression;
using System.Text;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Questions;
using FutureSim.Corpus.Tests.Questions;

namespace FutureSim.Corpus.Tests.Loading;

/// <summary>Bytes that are not UTF-8, byte-order marks, a bad first record and damaged gzip archives: named, never a crash, never a silent loss.</summary>
public sealed class DamagedInputTests : TempCorporaTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private string[] Records => [
        TestCorpora.CurrentEvents("wce-1", "2025-09-05", "2025-09-05T10:00:00Z", "First item."),
        TestCorpora.CurrentEvents("wce-2", "2025-09-05", "2025-09-05T11:00:00Z", "Café item.").Replace("\\u00E9", "é", StringComparison.Ordinal),
        TestCorpora.CurrentEvents("wce-3", "2025-09-05", "2025-09-05T12:00:00Z", "Third item."),
    ];

    [Fact]
    public void ALatin1RecordInANewsFileStopsAtItsLineOrIsSkippedWithItsLine()
    {
        var file = WriteBytes("news.jsonl", Latin1(Records, line: 2));

        var error = Assert.Throws<InvalidInputException>(() => Read(file, InvalidRecordHandling.Fail));
        Assert.Equal((file, 2L), (error.Error.File, error.Error.Line));
        Assert.Contains("not valid UTF-8", error.Message);

        var reader = new CorpusReader(Core.Articles.VisibilityPolicy.Strict, InvalidRecordHandling.Skip);
        Assert.Equal(["wce-1", "wce-3"], reader.Read(file).Select(a => a.Id.Value));
        Assert.Equal(2L, Assert.Single(reader.SkippedRecords).Line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ANewsFileStartingWithAByteOrderMarkLoadsEveryRecord(bool skipInvalid)
    {
        var file = WriteBytes("news.jsonl", [.. Bom, .. Encoding.UTF8.GetBytes(string.Join("\n", Records) + "\n")]);

        var articles = Read(file, skipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail);

        Assert.Equal(3, articles.Count);
    }

    [Fact]
    public void ABadFirstRecordIsSkippedLikeAnyOtherAndTheFileFormatIsToldFromTheNextOne()
    {
        var file = Corpora.Write("news.jsonl", ["{\"id\": \"broken\", ", .. Records]);

        var reader = new CorpusReader(Core.Articles.VisibilityPolicy.Strict, InvalidRecordHandling.Skip);
        Assert.Equal(3, reader.Read(file).Count());
        Assert.Equal(1L, Assert.Single(reader.SkippedRecords).Line);
        Assert.Equal(1L, Assert.Throws<InvalidInputException>(() => Read(file, InvalidRecordHandling.Fail)).Error.Line);
    }

    [Theory]
    [InlineData(InvalidRecordHandling.Fail)]
    [InlineData(InvalidRecordHandling.Skip)]
    public void AGzipFileCutOffAtAFlushPointIsAnErrorNotASilentlyShorterCorpus(InvalidRecordHandling handling)
    {
        var file = Path.Combine(Corpora.Root, "news.jsonl.gz");
        using (var output = new MemoryStream())
        {
            long cut;
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", Records[..2]) + "\n"));
                gzip.Flush();
                cut = output.Length;
                gzip.Write(Encoding.UTF8.GetBytes(Records[2] + "\n"));
            }

            File.WriteAllBytes(file, output.ToArray()[..(int)cut]);
        }

        var error = Assert.Throws<InvalidInputException>(() => Read(file, handling));

        Assert.Equal(file, error.Error.File);
        Assert.Contains("cut off", error.Message);
    }

    [Fact]
    public void AGzipFileWithADamagedChecksumIsAnErrorNamingTheFileAndTheByteOffset()
    {
        var file = Corpora.Write("news.jsonl.gz", gzip: true, Records);
        var bytes = File.ReadAllBytes(file);
        bytes[^6] ^= 0xFF; // the CRC-32 of the trailer
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<InvalidInputException>(() => Read(file, InvalidRecordHandling.Skip));

        Assert.Equal(file, error.Error.File);
        Assert.Contains("damaged", error.Message);
        Assert.Contains("byte", error.Message);
    }

    [Fact]
    public void ALatin1QuestionRecordStopsAtItsLineOrIsSkippedWithItsLine()
    {
        var lines = new[]
        {
            """{"qid": "q1", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Ann"}""",
            """{"qid": "q2", "title": "Qui à Paris?", "resolution_date": "2026-01-15", "answer": "Bob"}""",
            """{"qid": "q3", "title": "Who?", "resolution_date": "2026-01-15", "answer": "Cy"}""",
        };
        var path = WriteBytes("questions.jsonl", Latin1(lines, line: 2));

        var error = QuestionFiles.LoadFails(path);
        Assert.Equal(2L, error.Error.Line);
        Assert.Contains("not valid UTF-8", error.Message);

        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);
        Assert.Equal(["q1", "q3"], set.Questions.Select(q => q.Id.Value));
        Assert.Equal(2L, Assert.Single(set.Skipped).Line);
    }

    [Fact]
    public void ALatin1CsvQuestionRecordIsReportedAtItsLine()
    {
        var path = WriteBytes("questions.csv", Latin1(["qid,title,resolution_date,answer", "q1,Who?,2026-01-15,Ann", "q2,Qui à Paris?,2026-01-15,Bob"], line: 3));

        Assert.Equal(3L, QuestionFiles.LoadFails(path).Error.Line);
        Assert.Equal("q1", Assert.Single(QuestionSetLoader.Load(path, null, QuestionFiles.Skipping).Questions).Id.Value);
    }

    [Fact]
    public void AQuestionFileWithAByteOrderMarkAndABadFirstRecordKeepsEveryValidRecordWhenSkipping()
    {
        var forecastBench = """{"id": "fb-1", "question": "Will it?", "first_question_set": "2025-12-01", "resolved_to": 1.0, "resolution_date": "2026-01-15", "source": "acled"}""";
        var path = WriteBytes("questions.jsonl", [.. Bom, .. Encoding.UTF8.GetBytes("{oops\n" + forecastBench + "\n" + forecastBench.Replace("fb-1", "fb-2", StringComparison.Ordinal) + "\n")]);

        var set = QuestionSetLoader.Load(path, null, QuestionFiles.Skipping);

        Assert.Equal(QuestionFileFormat.ForecastBenchJsonLines, QuestionSetLoader.DetectFormat(path));
        Assert.Equal(["fb-1", "fb-2"], set.Questions.Select(q => q.Id.Value));
        Assert.Equal(1L, Assert.Single(set.Skipped).Line);
    }

    private static List<Core.Articles.Article> Read(string path, InvalidRecordHandling handling) =>
        [.. new CorpusReader(Core.Articles.VisibilityPolicy.Strict, handling).Read(path)];

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Corpora.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The lines as UTF-8, except line <paramref name="line"/> (1-based), which is Latin-1.</summary>
    private static byte[] Latin1(string[] lines, int line) =>
        [.. lines.SelectMany((text, i) => (i + 1 == line ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text)).Append((byte)'\n'))];
}
