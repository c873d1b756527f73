using System.Text;
using FsCheck;
using FsCheck.Xunit;
using FutureSim.Core.Articles;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Tests.Semantic;

/// <summary>Long FutureSim articles are ranked by chunks, and reported once, with their best chunk.</summary>
public sealed class ChunkedArticleTests : TempCorporaTests
{
    private static string Words(string word, int count) => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void ShortBodiesAreOneChunkAndLongOnesSplitEveryThreeHundredWordsWithShortTailsJoined()
    {
        Assert.Single(ArticleChunks.Split("a short item"));
        Assert.Single(ArticleChunks.Split(""));

        var body = Words("alpha", 300) + " " + Words("beta", 300) + " " + Words("gamma", 50);
        var chunks = ArticleChunks.Split(body);

        Assert.Equal(2, chunks.Count); // 50 words are less than a quarter of 300: joined to the chunk before
        Assert.Equal(body, string.Join(' ', chunks.Select(c => body[c])));
        Assert.Equal(Words("alpha", 300), body[chunks[0]]);
        Assert.Equal(3, ArticleChunks.Split(body + " " + Words("delta", 100)).Count);
    }

    [Fact]
    public void SplittingWithoutCountingWordsGivesTheChunksCountingThemGivesForTheDensestBodiesOfEveryLength()
    {
        // One-letter words with single spaces have the most words a length allows.
        for (var length = 0; length <= 1500; length++)
        {
            var body = string.Concat(Enumerable.Range(0, length).Select(i => i % 2 == 0 ? 'a' : ' '));
            Assert.Equal(ArticleChunks.Scan(body), ArticleChunks.Split(body));
            Assert.Equal(ArticleChunks.Scan(" " + body), ArticleChunks.Split(" " + body));
        }
    }

    [Property(MaxTest = 200)]
    public void SplittingWithoutCountingWordsGivesTheChunksCountingThemGives(int seed)
    {
        var random = new Random(seed);
        var gap = random.NextDouble();
        var body = new StringBuilder();
        var length = random.Next(1500);
        while (body.Length < length)
        {
            body.Append((char)('a' + random.Next(26)));
            if (random.NextDouble() < gap)
            {
                body.Append(random.Next(8) == 0 ? '\n' : ' ');
            }
        }

        Assert.Equal(ArticleChunks.Scan(body.ToString()), ArticleChunks.Split(body.ToString()));
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Semantic)]
    [InlineData(SearchMode.Hybrid)]
    public void ALongArticleIsFoundByItsBestChunkAndListedOnce(SearchMode mode)
    {
        var filler = string.Join(' ', Enumerable.Range(0, 700).Select(i => "filler" + (i % 37)));
        var longBody = filler + " " + Words("volcano eruption lava", 40) + " " + filler;
        var day = "articles/2025/03/02/articles.jsonl";
        Corpora.Write(day,
            TestCorpora.FutureSimArticle("Island news", "2025-03-02", longBody, id: "long"),
            TestCorpora.FutureSimArticle("Eruption", "2025-03-02", "A volcano eruption sends lava down the slope.", id: "short"),
            TestCorpora.FutureSimArticle("Markets", "2025-03-02", "Stocks fell on Monday.", id: "other"));
        using var corpus = SemanticCorpora.Open(Corpora.IndexDirectory(), [Path.Combine(Corpora.Root, "articles")], new WordHashEmbeddingGenerator()).Corpus;

        var hits = corpus.At(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero))
            .Search(new NewsQuery { Text = "volcano eruption lava", MaxResults = 3, Mode = mode }).Hits;

        Assert.Equal(hits.Length, hits.Select(h => h.Article.Id).Distinct().Count());
        var hit = Assert.Single(hits, h => h.Article.Id.Value == "long");
        Assert.Contains("volcano eruption lava", hit.Passage);
        Assert.Null(Assert.Single(hits, h => h.Article.Id.Value == "short").Passage);
        Assert.Equal(longBody, hit.Article.Body);
        Assert.Equal(3, corpus.At(DateTimeOffset.MaxValue).CountArrivedSince(DateTimeOffset.MinValue));
        Assert.Equal(3, corpus.At(DateTimeOffset.MaxValue).ArrivedSince(DateTimeOffset.MinValue).Count());
    }
}
