using FutureSim.Core.Input;
using FutureSim.Core.Retrieval;

namespace FutureSim.Core.Tests.Retrieval;

public sealed class TrecFormatTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-trec-").FullName;

    private string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ARunFileReadsBackInOurRankingTheWayTrecEvalOrdersIt()
    {
        // Equal scores in our ranking must not let trec_eval reorder by document id.
        var path = Path.Combine(folder, "hybrid.run");
        TrecRunFile.Write(path, "futuresim-hybrid", [("q1", ["b", "a", "c"]), ("q2", ["z"])]);

        Assert.Equal("q1 Q0 b 1 3 futuresim-hybrid\nq1 Q0 a 2 2 futuresim-hybrid\nq1 Q0 c 3 1 futuresim-hybrid\nq2 Q0 z 1 1 futuresim-hybrid\n", System.IO.File.ReadAllText(path));
        var read = TrecRunFile.Read(path);
        Assert.Equal(["b", "a", "c"], read["q1"]);
        Assert.Equal(["z"], read["q2"]);
    }

    [Fact]
    public void QrelsRoundTripAndALaterJudgmentReplacesAnEarlierOne()
    {
        var path = Path.Combine(folder, "qrels.txt");
        Qrels.Write(path, [("q1", "a", 1), ("q1", "b", 0), ("q2", "c", 2)]);
        System.IO.File.AppendAllText(path, "\nq1\t0\tb\t3\n");

        var qrels = Qrels.Read(path, new HashSet<string> { "q1", "q2", "q3" });

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 3 }, qrels.Of("q1"));
        Assert.Equal(2, qrels.Of("q2")["c"]);
        Assert.Empty(qrels.Of("q3"));
    }

    [Fact]
    public void AQrelsLineThatDoesNotParseIsNamedWithItsFileAndLine()
    {
        var path = File("bad.qrels", "q1 0 a 1\nq1 0 b relevant\n");

        var error = Assert.Throws<InvalidInputException>(() => Qrels.Read(path, new HashSet<string> { "q1" }));

        Assert.Equal(2, error.Error.Line);
        Assert.StartsWith(path + ":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQrelsLineForAnUnknownTopicIsNamedWithItsFileAndLine()
    {
        var path = File("unknown.qrels", "q1 0 a 1\n\nq9 0 b 1\n");

        var error = Assert.Throws<InvalidInputException>(() => Qrels.Read(path, new HashSet<string> { "q1" }));

        Assert.Contains(":3: unknown topic id 'q9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopicsRoundTripAndABareDateMeansTheEndOfThatDay()
    {
        var path = File("topics.jsonl", "{\"id\":\"q1\",\"query\":\"gaza ceasefire\",\"as_of\":\"2025-03-01\"}\n{\"id\":\"q2\",\"query\":\"pope\",\"as_of\":\"2025-03-01T12:00:00+02:00\"}\n");

        var topics = TopicFile.Read(path);
        var copy = Path.Combine(folder, "copy.jsonl");
        TopicFile.Write(copy, topics);

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 23, 59, 59, TimeSpan.Zero).AddTicks(TimeSpan.TicksPerSecond - 1), topics[0].AsOf);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), topics[1].AsOf);
        Assert.Equal(topics, TopicFile.Read(copy));
        Assert.StartsWith("{\"id\":\"q1\",\"query\":\"gaza ceasefire\",\"as_of\":\"2025-03-01\"}", System.IO.File.ReadAllText(copy), StringComparison.Ordinal);
        var duplicate = File("dup.jsonl", "{\"id\":\"q1\",\"query\":\"a\",\"as_of\":\"2025-03-01\"}\n{\"id\":\"q1\",\"query\":\"b\",\"as_of\":\"2025-03-01\"}\n");
        Assert.Contains(":2: topic id 'q1' appears twice", Assert.Throws<InvalidInputException>(() => TopicFile.Read(duplicate)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
