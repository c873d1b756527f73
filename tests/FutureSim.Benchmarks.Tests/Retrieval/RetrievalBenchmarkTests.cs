using System.Collections.Immutable;
using FutureSim.Benchmarks.Retrieval;
using FutureSim.Core.Articles;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Semantic;
using Microsoft.Extensions.AI;

namespace FutureSim.Benchmarks.Tests.Retrieval;

public sealed class RetrievalBenchmarkTests : TempCorporaTests
{
    private static readonly IReadOnlyList<RetrievalQuery> Queries = [new("election result", BenchWorld.Articles[1].VisibleAt, 10)];

    /// <summary>Three articles a month apart and two queries: one as of a day when only the first is visible, one that wants two of three.</summary>
    private (string News, string Queries) NewsAndQueries() =>
    (
        Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Parliament passes the budget."),
            TestCorpora.CurrentEvents("wce-2", "2025-01-05", "2025-01-05T08:00:00Z", "The budget is signed into law."),
            TestCorpora.CurrentEvents("wce-3", "2025-02-01", "2025-02-01T08:00:00Z", "A storm hits the budget talks.")),
        Corpora.Write("queries.jsonl",
            "{\"query\": \"budget\", \"as_of\": \"2025-01-03T00:00:00Z\", \"top\": 10}",
            "{\"query\": \"budget storm\", \"as_of\": \"2025-03-01\", \"top\": 2}")
    );

    [Fact]
    public void TheBenchmarkBuildsAFreshIndexRunsEveryQueryAndFindsNoCutoffViolation()
    {
        var (news, queries) = NewsAndQueries();

        var report = RetrievalBenchmark.Run([news], queries, Corpora.IndexDirectory(), SearchSettings.KeywordOnly, SearchMode.Keyword, TimeProvider.System, null, null, CancellationToken.None);

        Assert.Equal(3, report.DocumentsIndexed);
        Assert.Equal(2, report.Queries);
        Assert.Equal(3, report.Hits);
        Assert.Equal(1, report.ShortQueries);
        Assert.Equal(0, report.CutoffViolations);
        Assert.True(report.IndexBytes > 0 && report.BuildSeconds > 0 && report.DocumentsPerSecond > 0);
        Assert.True(report.P50Milliseconds <= report.P95Milliseconds && report.P95Milliseconds <= report.P99Milliseconds);
    }

    [Fact]
    public void InHybridModeEveryChunkAndEachQueryIsEmbeddedOnceAndNoHitComesFromAfterTheCutoff()
    {
        var (news, queries) = NewsAndQueries();
        var generator = new LetterCountEmbeddings();
        var search = new SearchSettings { Embeddings = new EmbeddingModel { Id = "test:letters", Generator = generator, Source = "the test" } };

        var report = RetrievalBenchmark.Run([news], queries, Corpora.IndexDirectory(), search, SearchMode.Hybrid, TimeProvider.System, null, null, CancellationToken.None);

        Assert.Equal(SearchMode.Hybrid, report.Mode);
        Assert.Equal(3 + 2, generator.Texts);
        Assert.Equal(1 + 2, report.Hits);
        Assert.Equal(0, report.CutoffViolations);
    }

    [Fact]
    public void TheBenchmarkRefusesAnIndexFolderInUse()
    {
        var index = Corpora.IndexDirectory();
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "keep.txt"), "mine");

        Assert.Throws<ArgumentException>(() =>
            RetrievalBenchmark.Run([TestCorpora.BundledNews], "unused.jsonl", index, SearchSettings.KeywordOnly, SearchMode.Keyword, TimeProvider.System, null, null, CancellationToken.None));
    }

    [Fact]
    public void AGateThatAdmitsFutureArticlesShowsAsCutoffViolations()
    {
        var stored = BenchWorld.Articles.ToDictionary(a => a.Id, a => (DateTimeOffset?)a.VisibleAt);

        var gated = RetrievalBenchmark.Measure(new InMemoryCorpus(BenchWorld.Articles), id => stored[id], Queries, SearchMode.Keyword, TimeProvider.System, CancellationToken.None);
        var leaky = RetrievalBenchmark.Measure(new LeakyCorpus(BenchWorld.Articles), id => stored[id], Queries, SearchMode.Keyword, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, gated.Violations);
        Assert.Equal(2, leaky.Violations); // a3 and a4 arrive after the cutoff
    }

    /// <summary>A corpus whose views ignore the instant: every article is searchable at any time.</summary>
    private sealed class LeakyCorpus(ImmutableArray<Article> articles) : ITimeGatedCorpus
    {
        public CorpusIdentity Identity => new("leaky", VisibilityPolicy.Strict, articles.Length);

        public ICorpusView At(DateTimeOffset asOf) => new View(new InMemoryCorpus(articles).At(DateTimeOffset.MaxValue), asOf);

        public void Dispose()
        {
        }

        private sealed class View(ICorpusView everything, DateTimeOffset asOf) : ICorpusView
        {
            public DateTimeOffset AsOf => asOf;

            public CorpusSearchResult Search(NewsQuery query) => everything.Search(query);

            public Article? Find(ArticleId id) => everything.Find(id);

            public int CountArrivedSince(DateTimeOffset after) => everything.CountArrivedSince(after);

            public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => everything.ArrivedSince(after);
        }
    }

    /// <summary>Vectors of letter counts: texts sharing letters point the same way. Counts the texts it embeds.</summary>
    private sealed class LetterCountEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Texts { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var embeddings = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var text in values)
            {
                Texts++;
                var vector = new float[26];
                foreach (var c in text.ToLowerInvariant().Where(char.IsAsciiLetterLower))
                {
                    vector[c - 'a']++;
                }

                embeddings.Add(new Embedding<float>(vector));
            }

            return Task.FromResult(embeddings);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
