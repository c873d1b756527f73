using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Tests.Semantic;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// Adding articles that become visible after T must not change anything a search at T returns, in any
/// mode: neither which articles, nor their order, nor their scores (compared bit for bit).
/// </summary>
public sealed class PointInTimeRankingTests : TempCorporaTests
{
    private static readonly DateTimeOffset Split = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Five months of the future (about 2,300 articles) are enough to change index-wide statistics for every query,
    /// which the test checks; the rest of the bundled year would only make the three builds slower.
    /// </summary>
    private static readonly DateTimeOffset FutureEnd = Split.AddMonths(5);

    private static readonly string[] Queries =
    [
        "gaza ceasefire", "election president", "earthquake killed", "tariffs trade china", "ukraine russia drone attack",
        "pope", "court ruling supreme", "protest police", "hurricane", "nobel prize",
    ];

    private readonly string past;
    private readonly string future;

    public PointInTimeRankingTests()
    {
        var pastLines = new List<string>();
        var futureLines = new List<string>();
        foreach (var line in JsonLinesFile.ReadLines(TestCorpora.BundledNews))
        {
            using var record = JsonDocument.Parse(line.Utf8);
            var firstSeen = DateTimeOffset.Parse(record.RootElement.GetProperty("first_seen_utc").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (firstSeen <= FutureEnd)
            {
                (firstSeen <= Split ? pastLines : futureLines).Add(System.Text.Encoding.UTF8.GetString(line.Utf8.Span));
            }
        }

        past = Corpora.Write("past.jsonl", [.. pastLines]);
        future = Corpora.Write("future.jsonl", [.. futureLines]);
    }

    private static string Ranking(LuceneCorpus corpus, string query, DateTimeOffset asOf, SearchMode mode) =>
        string.Join("\n", corpus.At(asOf).Search(new NewsQuery { Text = query, MaxResults = 20, Mode = mode }).Hits
            .Select(h => $"{h.Article.Id} {BitConverter.SingleToInt32Bits(h.Score):x8}"));

    [Fact]
    public void ResultsAtAnInstantDoNotChangeWhenFutureArticlesAreAddedInAnyMode()
    {
        var instants = new[] { Split, Split.AddDays(-45), Split.AddDays(-120), new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero) };
        var modes = Enum.GetValues<SearchMode>();
        var generator = new WordHashEmbeddingGenerator();
        LuceneCorpus Open(string name, params string[] files) => SemanticCorpora.Open(Corpora.IndexDirectory(name), files, generator).Corpus;
        List<string> Rankings(LuceneCorpus corpus) => [.. from m in modes from q in Queries from t in instants select Ranking(corpus, q, t, m)];

        using var pastOnly = Open("past", past);
        var expected = Rankings(pastOnly);
        pastOnly.Dispose();
        using var futureFirst = Open("both", future, past);
        var extension = SemanticCorpora.Open(Corpora.IndexDirectory("past"), [past, future], generator);
        using var extended = extension.Corpus;

        Assert.Equal(CorpusBuildMode.Extended, extension.Report.Mode);
        Assert.Equal(expected, Rankings(futureFirst));
        Assert.Equal(expected, Rankings(extended));

        // The future really does hold matches for these queries, so index-wide statistics would have differed.
        Assert.All(Queries, q => Assert.Contains(
            futureFirst.At(DateTimeOffset.MaxValue).Search(new NewsQuery { Text = q, MaxResults = 1000 }).Hits,
            h => h.Article.VisibleAt > Split));
        Assert.All(expected.Where((_, i) => i % instants.Length == 0), ranking => Assert.NotEmpty(ranking));
    }
}
