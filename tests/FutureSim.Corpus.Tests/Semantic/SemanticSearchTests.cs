using FutureSim.Core.Articles;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Semantic;
using FutureSim.Corpus.Text;
using FutureSim.Corpus.Tests.Indexing;

namespace FutureSim.Corpus.Tests.Semantic;

[Collection(BundledCorpusCollection.Name)]
public sealed class SemanticSearchTests(BundledCorpusFixture fixture)
{
    private static readonly string[] Queries = ["gaza ceasefire talks", "earthquake kills dozens", "election results president", "pope francis"];

    private static readonly DateTimeOffset[] Instants =
    [
        new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 7, 15, 12, 0, 0, TimeSpan.Zero), new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
    ];

    private (sbyte[] Components, float Scale) Quantized(string text)
    {
        var components = new sbyte[fixture.Generator.Dimensions];
        var scale = Int8Vectors.Quantize(WordHashEmbeddingGenerator.Vector(text, fixture.Generator.Dimensions), components);
        return (components, scale);
    }

    [Fact]
    public void SemanticTopKIsTheExactTopKAmongVisibleArticles()
    {
        foreach (var text in Queries)
        {
            var (query, queryScale) = Quantized("query: " + text);
            foreach (var asOf in Instants)
            {
                var expected = fixture.Articles
                    .Where(a => a.VisibleAt <= asOf)
                    .Select(a =>
                    {
                        var (v, s) = Quantized(ArticleChunks.EmbeddingText(a, a.Body, 0));
                        return (a.Id.Value, Score: Int8Vectors.Dot(query, v) * (queryScale * s), Hash: StableHash.Of(a.Id.Value));
                    })
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Hash)
                    .Take(25)
                    .Select(x => $"{x.Value} {x.Score:R}");

                var actual = fixture.Corpus.At(asOf).Search(new NewsQuery { Text = text, MaxResults = 25, Mode = SearchMode.Semantic }).Hits
                    .Select(h => $"{h.Article.Id} {h.Score:R}");

                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void HybridIsTheReciprocalRankFusionOfTheKeywordAndSemanticRankings()
    {
        foreach (var text in Queries)
        {
            var view = fixture.Corpus.At(Instants[1]);
            var semantic = view.Search(new NewsQuery { Text = text, MaxResults = 100, Mode = SearchMode.Semantic }).Hits;
            var keyword = view.Search(new NewsQuery { Text = text, MaxResults = 100, Mode = SearchMode.Keyword }).Hits;
            var fused = new Dictionary<string, double>();
            foreach (var ranking in new[] { semantic, keyword })
            {
                for (var i = 0; i < ranking.Length; i++)
                {
                    fused[ranking[i].Article.Id.Value] = fused.GetValueOrDefault(ranking[i].Article.Id.Value) + (1.0 / (60 + i + 1));
                }
            }

            var expected = fused.OrderByDescending(f => f.Value).ThenBy(f => StableHash.Of(f.Key)).Take(10).Select(f => $"{f.Key} {(float)f.Value:R}");
            var hybrid = view.Search(new NewsQuery { Text = text, MaxResults = 10, Mode = SearchMode.Hybrid }).Hits;

            Assert.Equal(expected, hybrid.Select(h => $"{h.Article.Id} {h.Score:R}"));
        }
    }

    [Theory]
    [InlineData(SearchMode.Semantic)]
    [InlineData(SearchMode.Hybrid)]
    public void AskingForKResultsReturnsKWheneverKVisibleArticlesExist(SearchMode mode)
    {
        var asOf = fixture.First.AddHours(36);
        var visible = fixture.Articles.Count(a => a.VisibleAt <= asOf);
        Assert.InRange(visible, 11, 1000);

        var all = fixture.Corpus.At(asOf).Search(new NewsQuery { Text = "ceasefire", MaxResults = 1000, Mode = mode }).Hits;

        Assert.Equal(visible, all.Length);
        Assert.Equal(visible, all.Select(h => h.Article.Id).Distinct().Count());
        Assert.Equal(10, fixture.Corpus.At(asOf).Search(new NewsQuery { Text = "ceasefire", MaxResults = 10, Mode = mode }).Hits.Length);
    }

    [Fact]
    public void TheIdentityNamesTheEmbeddingModelAndTheDefaultMode()
    {
        Assert.Equal("test:word-hash-64", fixture.Corpus.Identity.EmbeddingModel);
        Assert.Equal(SearchMode.Keyword, fixture.Corpus.Identity.SearchMode);
        Assert.Equal(fixture.Articles.Count, fixture.Corpus.VectorCount.Chunks);
    }
}
