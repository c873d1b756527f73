using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Tests.Loading;

public sealed class CorpusReaderTests : TempCorporaTests
{

    private static List<Article> Read(string path, VisibilityPolicy policy = VisibilityPolicy.Strict) =>
        [.. new CorpusReader(policy, InvalidRecordHandling.Fail).Read(path)];

    [Fact]
    public void StrictPolicyShowsTheItemWhenFirstSeenWithTheFirstWording()
    {
        var file = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-09-05", "2025-09-06T15:28:06Z", "Final wording.", textWhenFirstSeen: "First wording."),
            TestCorpora.CurrentEvents("wce-2", "2025-09-05", "2025-09-05T10:00:00Z", "Never edited."));

        var articles = Read(file);

        Assert.Equal(new DateTimeOffset(2025, 9, 6, 15, 28, 6, TimeSpan.Zero), articles[0].VisibleAt);
        Assert.Equal("First wording.", articles[0].Body);
        Assert.Equal("Never edited.", articles[1].Body);
        Assert.Equal(new DateOnly(2025, 9, 5), articles[0].PublishedOn);
        Assert.Equal("Wikipedia Current Events", articles[0].Source);
        Assert.Equal("Topic", articles[0].Title);
        Assert.Equal("Politics and elections", articles[0].Category);
        Assert.Equal(["Broader topic", "Topic"], articles[0].Topics.ToArray());
        Assert.Equal([new ArticleReference("Reuters", "https://example.org/wce-1")], articles[0].References.ToArray());
        Assert.Equal("https://en.wikipedia.org/wiki/Portal:Current_events/2025-09-05", articles[0].Url);
    }

    [Fact]
    public void AnItemTitledByTheStartOfItsTextTakesItsTitleFromTheWordingFirstSeen()
    {
        var final = "Candidate Alice Smith wins the presidential runoff with 54% of the vote, the electoral commission announces.";
        var first = "Voters in the presidential runoff between Alice Smith and Bob Jones go to the polls.";
        var file = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-09-05", "2025-09-05T15:28:06Z", final, textWhenFirstSeen: first, title: final[..40]));

        var strict = Read(file).Single();
        var lenient = Read(file, VisibilityPolicy.Lenient).Single();

        Assert.Equal(first[..40], strict.Title);
        Assert.DoesNotContain("wins", strict.Title + strict.Body);
        Assert.Equal(final[..40], lenient.Title);
    }

    [Fact]
    public void LenientPolicyShowsTheFinalWordingAtTheEndOfTheListingDay()
    {
        var file = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-09-05", "2025-09-06T15:28:06Z", "Final wording.", textWhenFirstSeen: "First wording."));

        var article = Assert.Single(Read(file, VisibilityPolicy.Lenient));

        Assert.Equal(SimulatedTime.EndOf(new DateOnly(2025, 9, 5)), article.VisibleAt);
        Assert.Equal("Final wording.", article.Body);
    }

    [Fact]
    public void ArchiveItemsAreVisibleAtTheEndOfTheirDayAndCiteSourcesByName()
    {
        var file = Corpora.Write("archive.jsonl.gz", gzip: true, TestCorpora.Archive("wcei-1", "2004-03-11", "Bombs explode on trains in Madrid.", "BBC", "El País"));

        var article = Assert.Single(Read(file));

        Assert.Equal(SimulatedTime.EndOf(new DateOnly(2004, 3, 11)), article.VisibleAt);
        Assert.Equal([new ArticleReference("BBC", null), new ArticleReference("El País", null)], article.References.ToArray());
        Assert.Equal("Bombs explode on trains in Madrid.", article.Body);
    }

    [Fact]
    public void DatedTreeArticlesArriveAtTheStartOfTheirCrawlDayAndRepeatsAreDropped()
    {
        Corpora.Write("tree/2026/01/02/articles.jsonl",
            TestCorpora.FutureSimArticle("Budget passes", "2026-01-02", "The budget passes.", id: "a1"),
            TestCorpora.FutureSimArticle("Storm nears", "2026-01-02", "A storm nears.", url: "https://example.org/storm"),
            TestCorpora.FutureSimArticle("No id, no url", "2026-01-02", "Plain text."));
        Corpora.Write("tree/2026/01/03/articles.jsonl",
            TestCorpora.FutureSimArticle("Budget passes (again)", "2026-01-03", "Re-crawl.", id: "a1"),
            TestCorpora.FutureSimArticle("Storm nears", "2026-01-03", "Re-crawl.", url: "https://example.org/storm"),
            TestCorpora.FutureSimArticle("No id, no url", "2026-01-03", "Plain text."),
            TestCorpora.FutureSimArticle("New story", "2026-01-03", "Fresh.", id: "a2"));
        var reader = new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Fail);

        var articles = reader.Read(Path.Combine(Corpora.Root, "tree")).ToList();

        Assert.Equal(["Budget passes", "Storm nears", "No id, no url", "New story"], articles.Select(a => a.Title));
        Assert.Equal(3, reader.DuplicatesDropped);
        Assert.Equal(SimulatedTime.StartOf(new DateOnly(2026, 1, 2)), articles[0].VisibleAt);
        Assert.Equal(SimulatedTime.StartOf(new DateOnly(2026, 1, 3)), articles[3].VisibleAt);
        Assert.Equal("Reuters", articles[0].Source);
        Assert.Equal("a1", articles[0].Id.Value);
        Assert.StartsWith("fs-", articles[1].Id.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"wce-1\", \"date\": ", "malformed JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"id\": \"wce-1\", \"first_seen_utc\": \"2025-01-01T00:00:00Z\", \"title\": \"t\", \"text\": \"x\"}", "missing required field 'date'")]
    [InlineData("{\"id\": \"wce-1\", \"date\": \"2025-13-01\", \"first_seen_utc\": \"2025-01-01T00:00:00Z\", \"title\": \"t\", \"text\": \"x\"}", "field 'date' is not a date")]
    [InlineData("{\"id\": \"wce-1\", \"date\": \"2025-01-01\", \"first_seen_utc\": \"yesterday\", \"title\": \"t\", \"text\": \"x\"}", "field 'first_seen_utc' is not an ISO-8601 instant")]
    [InlineData("{\"id\": 7, \"date\": \"2025-01-01\", \"first_seen_utc\": \"2025-01-01T00:00:00Z\", \"title\": \"t\", \"text\": \"x\"}", "field 'id' must be a string")]
    public void ABadRecordStopsTheReadNamingFileLineAndProblem(string badLine, string problem)
    {
        var file = Corpora.Write("news.jsonl", TestCorpora.CurrentEvents("wce-0", "2025-01-01", "2025-01-01T08:00:00Z", "Fine."), badLine);

        var error = Assert.Throws<InvalidInputException>(() => Read(file));

        Assert.Equal(file, error.Error.File);
        Assert.Equal(2, error.Error.Line);
        Assert.Contains(problem, error.Error.Problem, StringComparison.Ordinal);
        Assert.Contains("--skip-invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedIdInAWikipediaFileIsABadRecord()
    {
        var file = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "One."),
            TestCorpora.CurrentEvents("wce-1", "2025-01-02", "2025-01-02T08:00:00Z", "Two."));

        var error = Assert.Throws<InvalidInputException>(() => Read(file));

        Assert.Equal(2, error.Error.Line);
        Assert.Contains("duplicate id 'wce-1'", error.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SkippingKeepsEveryValidRecordAndReportsEachBadOne()
    {
        var file = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "One."),
            "not json",
            TestCorpora.CurrentEvents("wce-2", "2025-01-02", "2025-01-02T08:00:00Z", "Two."),
            TestCorpora.CurrentEvents("wce-1", "2025-01-03", "2025-01-03T08:00:00Z", "Repeat."),
            TestCorpora.CurrentEvents("wce-3", "2025-01-03", "2025-01-03T08:00:00Z", "Three."));
        var reader = new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Skip);

        var ids = reader.Read(file).Select(a => a.Id.Value).ToList();

        Assert.Equal(["wce-1", "wce-2", "wce-3"], ids);
        Assert.Equal([2L, 4L], reader.SkippedRecords.Select(e => e.Line));
        Assert.All(reader.SkippedRecords, e => Assert.Equal(file, e.File));
    }

    [Fact]
    public void TheBundledNewsFilesLoadCompletelyUnderTheStrictPolicy()
    {
        var reader = new CorpusReader(VisibilityPolicy.Strict, InvalidRecordHandling.Fail);

        var bundled = reader.Read(TestCorpora.BundledNews).Count();
        var benchmark = reader.Read(TestCorpora.BenchmarkNews).Count();

        Assert.Equal(10_563, bundled);
        Assert.Equal(106_764, benchmark);
        Assert.Empty(reader.SkippedRecords);
    }
}
