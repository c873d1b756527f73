using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Benchmarks.Retrieval;
using FutureSim.Corpus.Loading;

namespace FutureSim.Benchmarks.Tests.Retrieval;

public sealed class RetrievalQueryGeneratorTests
{
    private static IEnumerable<Article> News(params string[] files)
    {
        var reader = new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Fail);
        return files.SelectMany(reader.Read);
    }

    [Fact]
    public void QueriesHaveTwoToFiveWordsAndCutoffsInsideTheCorpus()
    {
        var articles = News(TestCorpora.BundledNews).ToList();
        var first = articles.Min(a => a.VisibleAt);
        var last = articles.Max(a => a.VisibleAt);

        var queries = RetrievalQueryGenerator.Generate(articles, count: 200, seed: 7);

        Assert.Equal(200, queries.Count);
        Assert.All(queries, q =>
        {
            Assert.InRange(q.Query.Split(' ').Length, 2, 5);
            Assert.InRange(q.AsOf, first.AddSeconds(-1), last);
            Assert.Equal(10, q.Top);
        });
        Assert.True(queries.Select(q => q.Query).Distinct().Count() > 190);
        Assert.Equal(queries, RetrievalQueryGenerator.Generate(articles, count: 200, seed: 7));
        Assert.NotEqual(queries, RetrievalQueryGenerator.Generate(articles, count: 200, seed: 8));
    }

    [Fact]
    public void TheCommittedBenchmarkQueriesAreWhatTheGeneratorWrites()
    {
        var path = TestCorpora.Bundled("benchmark/retrieval-queries.jsonl");
        var generated = RetrievalQueryGenerator.Generate(News(TestCorpora.BundledNews, TestCorpora.BenchmarkNews));
        if (Environment.GetEnvironmentVariable("FUTURESIM_UPDATE_GOLDEN") == "1")
        {
            RetrievalQueryFile.Write(path, generated); // regenerate after a change to the corpus mapping
        }

        var committed = RetrievalQueryFile.Read(path);

        Assert.Equal(500, committed.Count);
        Assert.Equal(generated, committed);
    }
}
