using FsCheck;
using FsCheck.Xunit;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// The two ways a segment is gated — a range of document numbers when its documents are in visibility order,
/// accept-docs otherwise — and search on every core: none of them may change a single result.
/// </summary>
public sealed class SegmentGateTests(SegmentGateTests.Corpora corpora) : IClassFixture<SegmentGateTests.Corpora>
{
    private const int Lines = (3 * IndexingBlock.MaxLines) + 17;

    private static readonly string[] Words = ["budget", "storm", "election", "ceasefire", "vaccine", "court", "strike", "summit", "flood", "treaty"];

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Article i arrives i hours after the start.</summary>
    private static string Line(int i)
    {
        var random = new Random(i);
        var text = string.Join(' ', Enumerable.Range(0, 2 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)])) + $" item {i}.";
        return TestCorpora.CurrentEvents($"wce-{i}", Start.AddHours(i).ToString("yyyy-MM-dd"), Start.AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ"), text);
    }

    private static string[] Ranking(LuceneCorpus corpus, NewsQuery query, DateTimeOffset asOf) =>
        [.. corpus.At(asOf).Search(query).Hits.Select(h => $"{h.Article.Id} {h.Score:R}")];

    /// <summary>An instant from a day before the first article to two days after the last, and a query of one to four words, perhaps with dates.</summary>
    private static (DateTimeOffset AsOf, NewsQuery Query) Case(int seed)
    {
        var random = new Random(seed);
        var asOf = Start.AddHours(random.Next(-24, Lines + 48));
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var withDates = random.Next(3) == 0;
        var query = new NewsQuery
        {
            Text = string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Words[random.Next(Words.Length)])),
            MaxResults = 1 + random.Next(random.Next(2) == 0 ? 10 : 200),
            FromDate = withDates ? today.AddDays(-random.Next(20)) : null,
            ToDate = withDates ? today.AddDays(random.Next(-10, 3)) : null,
        };
        return (asOf, query);
    }

    [Fact]
    public void ACorpusReadInTimeOrderIsGatedByDocumentRangeAndAShuffledOneByAcceptDocs()
    {
        Assert.True(corpora.Ordered.SegmentsInVisibilityOrder);
        Assert.False(corpora.Shuffled.SegmentsInVisibilityOrder);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(IndexingBlock.MaxLines - 1)]
    [InlineData(IndexingBlock.MaxLines)]
    [InlineData(400)]
    [InlineData(Lines - 1)]
    public void EveryVisibleArticleAndNoOtherMatchesAWordEveryArticleHasWhicheverWayItIsGated(int hour)
    {
        var asOf = Start.AddHours(hour);
        var query = new NewsQuery { Text = "item", MaxResults = LuceneCorpusView.MaxResultsLimit };
        var visible = Math.Clamp(hour + 1, 0, Lines);

        foreach (var corpus in new[] { corpora.Ordered, corpora.OrderedOnEveryCore, corpora.Shuffled, corpora.ShuffledOnEveryCore })
        {
            var hits = corpus.At(asOf).Search(query).Hits;
            Assert.Equal(visible, hits.Length);
            Assert.Equal(visible, hits.Select(h => h.Article.Id).Distinct().Count());
            Assert.All(hits, hit => Assert.True(hit.Article.VisibleAt <= asOf));
        }
    }

    [Property(MaxTest = 300)]
    public void TheRangeGateRanksExactlyAsAcceptDocsAndNothingFromAfterTheInstantOrOutsideTheDates(int seed)
    {
        var (asOf, query) = Case(seed);

        var ordered = corpora.Ordered.At(asOf).Search(query).Hits;

        Assert.Equal(Ranking(corpora.Shuffled, query, asOf), Ranking(corpora.Ordered, query, asOf));
        Assert.All(ordered, hit => Assert.True(hit.Article.VisibleAt <= asOf, $"{hit.Article.Id} leaked into {asOf:O}"));
        Assert.All(ordered, hit => Assert.True(query.FromDate is null || DateOnly.FromDateTime(hit.Article.VisibleAt.UtcDateTime) >= query.FromDate));
    }

    [Property(MaxTest = 300)]
    public void SearchingOnEveryCoreRanksExactlyAsOnePass(int seed)
    {
        var (asOf, query) = Case(seed);

        Assert.Equal(Ranking(corpora.Shuffled, query, asOf), Ranking(corpora.ShuffledOnEveryCore, query, asOf));
        Assert.Equal(Ranking(corpora.Ordered, query, asOf), Ranking(corpora.OrderedOnEveryCore, query, asOf));
    }

    /// <summary>The same articles written in arrival order and shuffled, each index opened to search in one pass and on every core.</summary>
    public sealed class Corpora : IDisposable
    {
        private readonly TestCorpora files = new();

        public Corpora()
        {
            var lines = Enumerable.Range(0, Lines).Select(Line).ToList();
            var shuffled = lines.ToArray();
            new Random(7).Shuffle(shuffled);
            var ordered = files.Write("ordered.jsonl", [.. lines]);
            var mixed = files.Write("shuffled.jsonl", [.. shuffled]);
            Ordered = Open("ordered", ordered, long.MaxValue);
            OrderedOnEveryCore = Open("ordered", ordered, 0);
            Shuffled = Open("shuffled", mixed, long.MaxValue);
            ShuffledOnEveryCore = Open("shuffled", mixed, 0);
        }

        public LuceneCorpus Ordered { get; }

        public LuceneCorpus OrderedOnEveryCore { get; }

        public LuceneCorpus Shuffled { get; }

        public LuceneCorpus ShuffledOnEveryCore { get; }

        public void Dispose()
        {
            Ordered.Dispose();
            OrderedOnEveryCore.Dispose();
            Shuffled.Dispose();
            ShuffledOnEveryCore.Dispose();
            files.Dispose();
        }

        private LuceneCorpus Open(string name, string file, long parallelFrom) =>
            LuceneCorpus.OpenOrBuildAsync(
                files.IndexDirectory(name),
                [file],
                VisibilityPolicy.Strict,
                InvalidRecordHandling.Fail,
                new SearchSettings { ParallelFrom = parallelFrom },
                null,
                null,
                CancellationToken.None).GetAwaiter().GetResult().Corpus;
    }
}
