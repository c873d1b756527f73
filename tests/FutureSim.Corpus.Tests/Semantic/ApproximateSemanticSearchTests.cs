using FsCheck;
using FsCheck.Xunit;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Semantic;

/// <summary>
/// Semantic search through the approximate (clustered) index, switched on for small corpora by a low
/// <see cref="SearchSettings.ApproximateFrom"/>: the same gate properties as exact search.
/// </summary>
public sealed class ApproximateSemanticSearchTests(ApproximateSemanticSearchTests.Corpora corpora) : IClassFixture<ApproximateSemanticSearchTests.Corpora>
{
    private const int From = 300;
    private const int Early = 700;
    private const int Late = 300;

    private static readonly string[] Words = ["budget", "storm", "election", "ceasefire", "vaccine", "court", "strike", "summit", "flood", "treaty", "market", "protest"];

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Article i arrives i hours after the start, so the instants of the first 700 come before all later ones.</summary>
    private static string Line(int i)
    {
        var random = new Random(i);
        var text = string.Join(' ', Enumerable.Range(0, 3 + random.Next(6)).Select(_ => Words[random.Next(Words.Length)])) + $" item {i}.";
        return TestCorpora.CurrentEvents($"wce-{i}", Start.AddHours(i).ToString("yyyy-MM-dd"), Start.AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ"), text);
    }

    private static LuceneCorpus Open(string name, IReadOnlyList<string> files, WordHashEmbeddingGenerator generator, int approximateFrom)
    {
        var index = Path.Combine(Path.GetDirectoryName(files[0])!, name);
        var settings = new SearchSettings
        {
            DefaultMode = SearchMode.Semantic,
            Embeddings = SemanticCorpora.Model(generator),
            ApproximateFrom = approximateFrom,
            ApproximateLists = 12,
            ApproximateProbes = 2,
        };
        return LuceneCorpus.OpenOrBuildAsync(index, files, VisibilityPolicy.Strict, InvalidRecordHandling.Fail, settings, null, null, CancellationToken.None)
            .GetAwaiter().GetResult().Corpus;
    }

    private static string[] Ranking(LuceneCorpus corpus, string text, DateTimeOffset asOf, int k) =>
        [.. corpus.At(asOf).Search(new NewsQuery { Text = text, MaxResults = k }).Hits.Select(h => $"{h.Article.Id} {h.Score:R}")];

    [Fact]
    public void TheIdentityNamesTheApproximateSearchOnlyWhenTheCorpusReachesTheThreshold()
    {
        Assert.Contains("12 lists, 2 probed", corpora.WithLater.Identity.ApproximateSearch, StringComparison.Ordinal);
        Assert.Null(corpora.Exact.Identity.ApproximateSearch);
    }

    [Property(MaxTest = 60)]
    public void AddingLaterArticlesChangesNoApproximateResultAtAnEarlierInstant(byte hour, int wordSeed, byte k)
    {
        // Instants from before the threshold's window is reached to the last early article.
        var asOf = Start.AddHours(From - 50 + (hour * (Early - From + 49) / 255));
        var random = new Random(wordSeed);
        var text = string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Words[random.Next(Words.Length)]));

        Assert.Equal(Ranking(corpora.EarlyOnly, text, asOf, 1 + (k % 30)), Ranking(corpora.WithLater, text, asOf, 1 + (k % 30)));
    }

    [Property(MaxTest = 60)]
    public void ApproximateSearchReturnsKWheneverKArticlesAreVisibleAndNoneFromAfterTheInstant(ushort hour, int wordSeed, byte k)
    {
        var asOf = Start.AddHours(hour % (Early + Late + 24));
        var random = new Random(wordSeed);
        var text = Words[random.Next(Words.Length)];
        var want = 1 + (k % 60);
        var visible = corpora.Exact.At(asOf).CountArrivedSince(DateTimeOffset.MinValue);

        var hits = corpora.WithLater.At(asOf).Search(new NewsQuery { Text = text, MaxResults = want }).Hits;

        Assert.Equal(Math.Min(want, visible), hits.Length);
        Assert.All(hits, hit => Assert.True(hit.Article.VisibleAt <= asOf, $"{hit.Article.Id} leaked into {asOf:O}"));
    }

    [Fact]
    public void ApproximateHitsCarryTheirExactScores()
    {
        var asOf = Start.AddHours(Early + Late);
        var exactScores = corpora.Exact.At(asOf).Search(new NewsQuery { Text = "storm flood", MaxResults = 1000 }).Hits.ToDictionary(h => h.Article.Id, h => h.Score);

        var hits = corpora.WithLater.At(asOf).Search(new NewsQuery { Text = "storm flood", MaxResults = 20 }).Hits;

        Assert.Equal(20, hits.Length);
        Assert.All(hits, hit => Assert.Equal(exactScores[hit.Article.Id], hit.Score));
    }

    [Fact]
    public void TheApproximateIndexIsKeptBesideTheVectorsAndReusedAtTheNextOpenWithTheSameResults()
    {
        var file = corpora.ClusterFile("both");
        var (bytes, written) = (File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file));

        using var reopened = corpora.Open("both");

        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Contains("12 lists, 2 probed", reopened.Identity.ApproximateSearch, StringComparison.Ordinal);
        foreach (var hours in new[] { From, Early, Early + Late })
        {
            Assert.Equal(Ranking(corpora.WithLater, "storm flood treaty", Start.AddHours(hours), 25), Ranking(reopened, "storm flood treaty", Start.AddHours(hours), 25));
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("a list that does not exist")]
    [InlineData("other vectors")]
    public void AnApproximateIndexFileThatDoesNotFitIsClusteredAgainIntoTheSameIndex(string damage)
    {
        var name = "damaged-" + damage.Replace(' ', '-');
        corpora.Open(name).Dispose();
        var file = corpora.ClusterFile(name);
        var bytes = File.ReadAllBytes(file);
        var damaged = damage switch
        {
            "truncated" => bytes[..^4],
            "a list that does not exist" => [.. bytes[..^4], 0xFF, 0xFF, 0xFF, 0x7F],
            _ => [.. bytes[..8], (byte)~bytes[8], .. bytes[9..]],
        };
        File.WriteAllBytes(file, damaged);

        using var reopened = corpora.Open(name);

        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(Ranking(corpora.WithLater, "budget vaccine", Start.AddHours(Early), 30), Ranking(reopened, "budget vaccine", Start.AddHours(Early), 30));
    }

    /// <summary>The same articles opened three ways: the early ones alone and all of them with approximate search, all of them with exact search.</summary>
    public sealed class Corpora : IDisposable
    {
        private readonly TestCorpora files = new();
        private readonly WordHashEmbeddingGenerator generator = new();
        private readonly string early;
        private readonly string later;

        public Corpora()
        {
            early = files.Write("early.jsonl", [.. Enumerable.Range(0, Early).Select(Line)]);
            later = files.Write("later.jsonl", [.. Enumerable.Range(Early, Late).Select(Line)]);
            EarlyOnly = ApproximateSemanticSearchTests.Open("early", [early], generator, From);
            WithLater = Open("both");
            Exact = ApproximateSemanticSearchTests.Open("exact", [early, later], generator, int.MaxValue);
        }

        public LuceneCorpus EarlyOnly { get; }

        public LuceneCorpus WithLater { get; }

        public LuceneCorpus Exact { get; }

        /// <summary>All the articles, approximate search, from the index in the folder <paramref name="name"/> (built there the first time).</summary>
        public LuceneCorpus Open(string name) => ApproximateSemanticSearchTests.Open(name, [early, later], generator, From);

        /// <summary>The approximate index file of the index in the folder <paramref name="name"/>.</summary>
        public string ClusterFile(string name) =>
            Directory.GetFiles(Path.Combine(Path.GetDirectoryName(early)!, name, "vectors"), "*.clusters-*.bin").Single();

        public void Dispose()
        {
            EarlyOnly.Dispose();
            WithLater.Dispose();
            Exact.Dispose();
            files.Dispose();
        }
    }
}
