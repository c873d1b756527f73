using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// A corpus large enough that an indexing thread writes its part in more than one batch (the first thread writes
/// its first batch early): every article must still be placed on its own visibility record, so that it is found
/// from its instant on and never before.
/// </summary>
public sealed class BatchedBuildTests(BatchedBuildTests.Corpus corpus) : IClassFixture<BatchedBuildTests.Corpus>
{
    /// <summary>Articles of 40 words found nowhere else, so that the batches fill quickly.</summary>
    private const int Articles = 20_000;

    private const int GroupSize = 500;

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A word of letters only for <paramref name="number"/>, which the analyser keeps whole.</summary>
    private static string Word(string prefix, int number)
    {
        var letters = new System.Text.StringBuilder(prefix);
        do
        {
            letters.Append((char)('a' + (number % 26)));
            number /= 26;
        }
        while (number > 0);
        return letters.ToString();
    }

    /// <summary>Article i arrives i minutes after the start; it has its own words and its group's word.</summary>
    private static string Line(int i)
    {
        var words = Enumerable.Range(0, 40).Select(k => Word("uniq", (i * 40) + k)).Append(Word("group", i / GroupSize));
        var at = Start.AddMinutes(i);
        return TestCorpora.CurrentEvents($"wce-{i}", at.ToString("yyyy-MM-dd"), at.ToString("yyyy-MM-ddTHH:mm:ssZ"), string.Join(' ', words) + ".");
    }

    [Fact]
    public void SomePartIsWrittenInMoreThanOneBatch() =>
        Assert.True(corpus.Index.SegmentCount > ArticleIndexWriter.DefaultThreads, $"{corpus.Index.SegmentCount} segments");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2999)]
    [InlineData(13_321)]
    [InlineData(Articles - 1)]
    public void AnArticlesOwnWordFindsItFromItsInstantOnAndNothingBefore(int i)
    {
        var query = new NewsQuery { Text = Word("uniq", (i * 40) + 7), MaxResults = 10 };

        Assert.Empty(corpus.Index.At(Start.AddMinutes(i).AddSeconds(-1)).Search(query).Hits);
        var hit = Assert.Single(corpus.Index.At(Start.AddMinutes(i)).Search(query).Hits);
        Assert.Equal($"wce-{i}", hit.Article.Id.Value);
        Assert.Equal(Start.AddMinutes(i), hit.Article.VisibleAt);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 1700)]
    [InlineData(17, 8999)]
    [InlineData(39, 19_800)]
    [InlineData(39, Articles + 10)]
    public void AGroupsWordFindsExactlyItsVisibleArticles(int group, int minutes)
    {
        var asOf = Start.AddMinutes(minutes);
        var query = new NewsQuery { Text = Word("group", group), MaxResults = LuceneCorpusView.MaxResultsLimit };
        var visible = Math.Clamp(minutes + 1 - (group * GroupSize), 0, GroupSize);

        var hits = corpus.Index.At(asOf).Search(query).Hits;

        Assert.Equal(visible, hits.Length);
        Assert.Equal(visible, hits.Select(h => h.Article.Id).Distinct().Count());
        Assert.All(hits, hit => Assert.True(hit.Article.VisibleAt <= asOf && hit.Article.Id.Value.StartsWith("wce-", StringComparison.Ordinal)));
        Assert.All(hits, hit => Assert.Equal(group, int.Parse(hit.Article.Id.Value["wce-".Length..], System.Globalization.CultureInfo.InvariantCulture) / GroupSize));
    }

    public sealed class Corpus : IDisposable
    {
        private readonly TestCorpora files = new();

        public Corpus()
        {
            var file = files.Write("batched.jsonl", [.. Enumerable.Range(0, Articles).Select(Line)]);
            Index = LuceneCorpus.OpenOrBuild(files.IndexDirectory(), [file], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None).Corpus;
        }

        public LuceneCorpus Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            files.Dispose();
        }
    }
}
