using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Benchmarks.Retrieval;

namespace FutureSim.Benchmarks.Tests.Retrieval;

public sealed class RetrievalQueryFileTests : TempCorporaTests
{

    [Fact]
    public void QueriesSurviveAWriteAndRead()
    {
        var queries = new[]
        {
            new RetrievalQuery("gaza ceasefire", new DateTimeOffset(2025, 3, 1, 12, 30, 5, TimeSpan.Zero), 10),
            new RetrievalQuery("élection \"quoted\"", new DateTimeOffset(2004, 1, 2, 0, 0, 0, TimeSpan.Zero), 3),
        };
        var path = Path.Combine(Corpora.Root, "queries.jsonl");

        RetrievalQueryFile.Write(path, queries);

        Assert.Equal(queries, RetrievalQueryFile.Read(path));
        Assert.StartsWith("{\"query\":\"gaza ceasefire\",\"as_of\":\"2025-03-01T12:30:05Z\",\"top\":10}", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ABareDateMeansTheEndOfThatDayAndTopDefaultsToTen()
    {
        var path = Corpora.Write("queries.jsonl", "{\"query\": \"storm\", \"as_of\": \"2025-03-01\"}");

        var query = Assert.Single(RetrievalQueryFile.Read(path));

        Assert.Equal(SimulatedTime.EndOf(new DateOnly(2025, 3, 1)), query.AsOf);
        Assert.Equal(10, query.Top);
    }

    [Theory]
    [InlineData("{\"query\": \"storm\"", "malformed JSON")]
    [InlineData("{\"as_of\": \"2025-03-01\"}", "'query'")]
    [InlineData("{\"query\": \"storm\", \"as_of\": \"March\"}", "'as_of' is not an ISO-8601")]
    [InlineData("{\"query\": \"storm\", \"as_of\": \"2025-03-01\", \"top\": 0}", "'top'")]
    public void ABadLineIsReportedWithFileAndLine(string line, string problem)
    {
        var path = Corpora.Write("queries.jsonl", "{\"query\": \"fine\", \"as_of\": \"2025-03-01T00:00:00Z\"}", line);

        var error = Assert.Throws<InvalidInputException>(() => RetrievalQueryFile.Read(path));

        Assert.Equal(path, error.Error.File);
        Assert.Equal(2, error.Error.Line);
        Assert.Contains(problem, error.Error.Problem, StringComparison.Ordinal);
    }
}
