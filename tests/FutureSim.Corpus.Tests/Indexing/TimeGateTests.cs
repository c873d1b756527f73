using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Tests.Indexing;

[Collection(BundledCorpusCollection.Name)]
public sealed class TimeGateTests(BundledCorpusFixture fixture)
{
    private static readonly DateTimeOffset MidMarch = new(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static HashSet<string> Terms(string text)
    {
        var buffer = new TokenBuffer();
        NewsTokenizer.Analyze(text, buffer);
        return [.. buffer.ToStrings()];
    }

    private int VisibleMatches(string word, DateTimeOffset asOf)
    {
        var term = Assert.Single(Terms(word));
        return fixture.Articles.Count(a => a.VisibleAt <= asOf
            && Terms(a.Title + " " + string.Join(' ', a.Topics) + " " + a.Body).Contains(term));
    }

    [Fact]
    public void TheIndexHoldsEveryBundledArticle()
    {
        Assert.Equal(10_563, fixture.Report.DocumentCount);
        Assert.Equal(10_563, fixture.Corpus.Identity.DocumentCount);
        Assert.Equal(VisibilityPolicy.Strict, fixture.Corpus.Identity.Policy);
        Assert.Equal(64, fixture.Corpus.Identity.Fingerprint.Length);
    }

    [Theory]
    [InlineData("gaza ceasefire")]
    [InlineData("election president")]
    [InlineData("earthquake")]
    public void SearchNeverReturnsArticlesVisibleAfterTheCutoff(string text)
    {
        foreach (var asOf in new[] { fixture.First, MidMarch, new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), fixture.Last })
        {
            var result = fixture.Corpus.At(asOf).Search(new NewsQuery { Text = text, MaxResults = 50 });
            Assert.All(result.Hits, hit => Assert.True(hit.Article.VisibleAt <= asOf, $"{hit.Article.Id} visible at {hit.Article.VisibleAt:O} > {asOf:O}"));
        }
    }

    [Fact]
    public void AskingForKResultsReturnsKWheneverKVisibleMatchesExist()
    {
        // Most "ceasefire" items arrive later in the year: a filter after top-k would come up short here.
        var asOf = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var visible = VisibleMatches("ceasefire", asOf);
        Assert.InRange(visible, 10, VisibleMatches("ceasefire", fixture.Last) / 4);

        Assert.Equal(10, fixture.Corpus.At(asOf).Search(new NewsQuery { Text = "ceasefire", MaxResults = 10 }).Hits.Length);
        Assert.Equal(visible, fixture.Corpus.At(asOf).Search(new NewsQuery { Text = "ceasefire", MaxResults = 1000 }).Hits.Length);
    }

    [Fact]
    public void HitsAreRankedBestFirstWithWholeArticles()
    {
        var hits = fixture.Corpus.At(fixture.Last).Search(new NewsQuery { Text = "Gaza ceasefire hostages", MaxResults = 10 }).Hits;

        Assert.Equal(10, hits.Length);
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.All(hits, hit => Assert.False(string.IsNullOrEmpty(hit.Article.Body)));
        Assert.Contains("ceasefire", hits[0].Article.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FetchingAnInvisibleIdLooksExactlyLikeFetchingANonexistentId()
    {
        var late = fixture.Articles.First(a => a.VisibleAt > MidMarch);
        var view = fixture.Corpus.At(MidMarch);

        Assert.Null(view.Find(late.Id));
        Assert.Null(view.Find(new ArticleId("wce-does-not-exist")));
        Assert.Null(view.Find(default));
        Assert.NotNull(fixture.Corpus.At(late.VisibleAt).Find(late.Id));
        Assert.Null(fixture.Corpus.At(late.VisibleAt.AddTicks(-1)).Find(late.Id));
    }

    [Fact]
    public void AFetchedArticleIsTheArticleThatWasIndexed()
    {
        var original = fixture.Articles.First(a => a.References.Length > 1 && a.Topics.Length > 1);

        var fetched = fixture.Corpus.At(fixture.Last).Find(original.Id);

        Assert.NotNull(fetched);
        Assert.Equal(original with { Topics = [], References = [] }, fetched with { Topics = [], References = [] });
        Assert.Equal(original.Topics.ToArray(), fetched.Topics.ToArray());
        Assert.Equal(original.References.ToArray(), fetched.References.ToArray());
    }

    [Fact]
    public void CountArrivedSinceCountsVisibleArticlesInTheHalfOpenInterval()
    {
        var after = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var expected = fixture.Articles.Count(a => a.VisibleAt > after && a.VisibleAt <= MidMarch);
        var view = fixture.Corpus.At(MidMarch);

        Assert.Equal(expected, view.CountArrivedSince(after));
        Assert.Equal(0, view.CountArrivedSince(MidMarch));
        Assert.Equal(0, view.CountArrivedSince(fixture.Last));
        Assert.Equal(fixture.Articles.Count(a => a.VisibleAt <= MidMarch), view.CountArrivedSince(DateTimeOffset.MinValue));
    }

    [Fact]
    public void ArrivedSinceListsTheVisibleArrivalsOfTheHalfOpenIntervalInArrivalOrder()
    {
        var after = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var expected = fixture.Articles
            .Where(a => a.VisibleAt > after && a.VisibleAt <= MidMarch)
            .OrderBy(a => a.VisibleAt).ThenBy(a => a.Id.Value, StringComparer.Ordinal)
            .Select(a => a.Id.Value).ToArray();
        var view = fixture.Corpus.At(MidMarch);

        Assert.Equal(expected, view.ArrivedSince(after).Select(a => a.Id.Value).ToArray());
        Assert.All(view.ArrivedSince(after), a => Assert.InRange(a.VisibleAt, after.AddTicks(1), MidMarch));
        Assert.Empty(view.ArrivedSince(MidMarch));
        Assert.Equal(view.CountArrivedSince(DateTimeOffset.MinValue), view.ArrivedSince(DateTimeOffset.MinValue).Count());
    }

    [Fact]
    public void AToDateAfterTheCurrentDayIsClampedAndTheClampIsReported()
    {
        var view = fixture.Corpus.At(MidMarch);

        var clamped = view.Search(new NewsQuery { Text = "election", MaxResults = 20, ToDate = new DateOnly(2026, 1, 1) });
        var plain = view.Search(new NewsQuery { Text = "election", MaxResults = 20 });

        Assert.Contains(clamped.Notices, n => n.Contains("to_date 2026-01-01 is after the current date 2025-03-15", StringComparison.Ordinal));
        Assert.Equal(plain.Hits.Select(h => h.Article.Id), clamped.Hits.Select(h => h.Article.Id));
        Assert.Empty(plain.Notices);
    }

    [Fact]
    public void AFromDateAfterTheCurrentDayFindsNothingAndSaysWhy()
    {
        var result = fixture.Corpus.At(MidMarch).Search(new NewsQuery { Text = "election", FromDate = new DateOnly(2025, 3, 16) });

        Assert.Empty(result.Hits);
        Assert.Contains(result.Notices, n => n.Contains("from_date 2025-03-16 is after the current date", StringComparison.Ordinal));
    }

    [Fact]
    public void AFromDateAfterTheToDateFindsNothingAndSaysWhy()
    {
        var result = fixture.Corpus.At(MidMarch).Search(new NewsQuery { Text = "election", FromDate = new DateOnly(2025, 3, 10), ToDate = new DateOnly(2025, 3, 1) });

        Assert.Empty(result.Hits);
        Assert.Contains(result.Notices, n => n.Contains("is after to_date", StringComparison.Ordinal));
    }

    [Fact]
    public void ADateRangeKeepsHitsToArticlesThatArrivedInIt()
    {
        var from = new DateOnly(2025, 2, 1);
        var to = new DateOnly(2025, 2, 28);

        var result = fixture.Corpus.At(MidMarch).Search(new NewsQuery { Text = "president minister election", MaxResults = 30, FromDate = from, ToDate = to });

        Assert.Equal(30, result.Hits.Length);
        Assert.All(result.Hits, hit => Assert.InRange(SimulatedTime.DayOf(hit.Article.VisibleAt), from, to));
        Assert.Empty(result.Notices);
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "id:wce-935b2526f7483b1e",
        "visible:[* TO *]",
        "visible:[0 TO 9999999999999999999]",
        "*:*",
        "*",
        "gaz*",
        "/.*/",
        "ga?a",
        "title:gaza AND body:ceasefire",
        "\"unbalanced quote",
        "(((((",
        "gaza\u0000\u0001\u001b[31mceasefire\r\n\t",
        "+gaza -ceasefire ~2 ^10 || &&",
        new string('x', 100_000),
        string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "word" + i)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void QueryTextIsDataAndNeverWidensTheGate(string text)
    {
        var view = fixture.Corpus.At(MidMarch);

        var result = view.Search(new NewsQuery { Text = text, MaxResults = 100 });

        Assert.All(result.Hits, hit => Assert.True(hit.Article.VisibleAt <= MidMarch));
        Assert.True(result.Hits.Length < 100 || Terms(text).Count > 0);
    }

    [Fact]
    public void QuerySyntaxMatchesOnlyAsOrdinaryWords()
    {
        var view = fixture.Corpus.At(fixture.Last);

        Assert.Empty(view.Search(new NewsQuery { Text = "*:*", MaxResults = 10 }).Hits);
        Assert.Contains(view.Search(new NewsQuery { Text = "*:*" }).Notices, n => n.Contains("no searchable words", StringComparison.Ordinal));
        IEnumerable<(ArticleId, float)> Ranking(string text) =>
            view.Search(new NewsQuery { Text = text, MaxResults = 10 }).Hits.Select(h => (h.Article.Id, h.Score));
        Assert.Equal(Ranking("gaza ceasefire"), Ranking("(gaza) \"ceasefire"));
        Assert.Equal(Ranking("title gaza body ceasefire"), Ranking("title:gaza AND body:ceasefire"));
    }

    [Fact]
    public void AVeryLongQueryIsShortenedAndTheCallerIsTold()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => "word" + i)) + " gaza";

        var result = fixture.Corpus.At(fixture.Last).Search(new NewsQuery { Text = text });

        Assert.Contains(result.Notices, n => n.Contains("shortened", StringComparison.Ordinal));
    }

    [Fact]
    public void ViewsAnswerManyThreadsAtOnceExactlyAsOne()
    {
        var queries = new[] { "gaza ceasefire", "election results", "earthquake", "tariffs trade", "president minister" };
        var instants = Enumerable.Range(0, 8).Select(i => fixture.First.AddDays(i * 70)).ToArray();
        var work = (from q in queries from t in instants select (q, t)).ToArray();
        string Run((string Query, DateTimeOffset AsOf) item) =>
            string.Join(",", fixture.Corpus.At(item.AsOf).Search(new NewsQuery { Text = item.Query, MaxResults = 10 }).Hits.Select(h => $"{h.Article.Id}:{h.Score}"));
        var sequential = work.Select(Run).ToArray();
        var shared = fixture.Corpus.At(fixture.Last);

        var parallel = work.AsParallel().WithDegreeOfParallelism(8).Select(Run).ToArray();
        var sameView = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => shared.Search(new NewsQuery { Text = "gaza ceasefire", MaxResults = 10 }).Hits.Length).Distinct().ToArray();

        Assert.Equal(sequential, parallel);
        Assert.Equal([10], sameView);
    }

    [Fact]
    public void MaxResultsOutsideItsRangeIsReported()
    {
        var view = fixture.Corpus.At(fixture.Last);

        var none = view.Search(new NewsQuery { Text = "gaza", MaxResults = 0 });

        Assert.Empty(none.Hits);
        Assert.Contains(none.Notices, n => n.Contains("at least 1", StringComparison.Ordinal));
        Assert.Contains(view.Search(new NewsQuery { Text = "gaza", MaxResults = 5000 }).Notices, n => n.Contains("at most 1000", StringComparison.Ordinal));
    }
}
