using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>Corpora of many indexing blocks, so that several indexing threads share the work.</summary>
public sealed class ParallelIndexingTests : TempCorporaTests
{
    private const int Lines = 3 * IndexingBlock.MaxLines + 17;

    private static readonly string[] Words = ["budget", "storm", "election", "ceasefire", "vaccine", "court", "strike", "summit"];

    private static string Line(int i) => TestCorpora.CurrentEvents(
        $"wce-{i}",
        $"2025-01-{1 + (i % 28):00}",
        $"2025-01-{1 + (i % 28):00}T{i % 24:00}:00:00Z",
        $"{Words[i % Words.Length]} {Words[i * 7 % Words.Length]} report number {i}; " + string.Concat(Enumerable.Repeat($"{Words[i * 3 % Words.Length]} ", 1 + (i % 5))));

    private string WriteCorpus(string name, Func<int, string>? line = null) =>
        Corpora.Write(name, [.. Enumerable.Range(0, Lines).Select(line ?? Line)]);

    private CorpusBuildReport Build(string index, string file, Action<LuceneCorpus>? inspect = null) => Build(index, [file], inspect);

    private CorpusBuildReport Build(string index, string[] files, Action<LuceneCorpus>? inspect = null)
    {
        var (corpus, report) = LuceneCorpus.OpenOrBuild(index, files, VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None);
        using (corpus)
        {
            inspect?.Invoke(corpus);
        }

        return report;
    }

    private static string[] Ranking(LuceneCorpus corpus, string text, DateTimeOffset asOf) =>
        [.. corpus.At(asOf).Search(new NewsQuery { Text = text, MaxResults = 50 }).Hits.Select(h => $"{h.Article.Id} {h.Score:R}")];

    [Fact]
    public void TwoBuildsOfOneCorpusWriteTheSameStoreAndDocumentTableAndRankAlike()
    {
        var file = WriteCorpus("many.jsonl");
        var (first, second) = (Corpora.IndexDirectory("first"), Corpora.IndexDirectory("second"));
        var asOf = new DateTimeOffset(2025, 1, 20, 0, 0, 0, TimeSpan.Zero);
        string[]? firstRanking = null;
        string[]? secondRanking = null;

        Build(first, file, c => firstRanking = Ranking(c, "budget storm court", asOf));
        var report = Build(second, file, c => secondRanking = Ranking(c, "budget storm court", asOf));

        Assert.Equal(Lines, report.DocumentCount);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, ArticleStore.FileName)), File.ReadAllBytes(Path.Combine(second, ArticleStore.FileName)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, DocumentMetaFile.FileName)), File.ReadAllBytes(Path.Combine(second, DocumentMetaFile.FileName)));
        Assert.Equal(50, firstRanking!.Length);
        Assert.Equal(firstRanking, secondRanking);
    }

    [Fact]
    public void EveryArticleIsFoundByItsOwnIdAfterAParallelBuild()
    {
        var file = WriteCorpus("many.jsonl");

        Build(Corpora.IndexDirectory(), file, corpus =>
        {
            var view = corpus.At(DateTimeOffset.MaxValue);
            foreach (var i in new[] { 0, 1, IndexingBlock.MaxLines - 1, IndexingBlock.MaxLines, 2 * IndexingBlock.MaxLines + 5, Lines - 1 })
            {
                var article = view.Find(new ArticleId($"wce-{i}"));
                Assert.NotNull(article);
                Assert.Contains($"report number {i};", article.Body, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void TheFirstBadRecordInFileOrderIsTheOneReported()
    {
        var file = WriteCorpus("bad.jsonl", i => i is 2 * IndexingBlock.MaxLines + 3 or IndexingBlock.MaxLines + 9 ? "{ not json" : Line(i));

        var error = Assert.Throws<InvalidInputException>(() => Build(Corpora.IndexDirectory(), file));

        Assert.Equal(IndexingBlock.MaxLines + 10, error.Error.Line);
    }

    [Fact]
    public void TheThreadsPartIndexesAreGoneAfterABuildThatSucceedsAndAfterOneThatFails()
    {
        var (good, bad) = (Corpora.IndexDirectory("good"), Corpora.IndexDirectory("bad"));

        var built = Build(good, WriteCorpus("many.jsonl"));
        Assert.Throws<InvalidInputException>(() => Build(bad, WriteCorpus("bad.jsonl", i => i == Lines - 3 ? "{ not json" : Line(i))));

        Assert.Equal(Lines, built.DocumentCount);
        Assert.False(Directory.Exists(Path.Combine(good, "lucene-parts")));
        Assert.False(Directory.Exists(Path.Combine(bad, "lucene-parts")));
        Assert.False(File.Exists(Path.Combine(bad, IndexManifest.FileName)));
    }

    [Fact]
    public void PartIndexesLeftBehindByAKilledBuildAreClearedAndTheIndexIsBuiltAndExtendedAsUsual()
    {
        var index = Corpora.IndexDirectory();
        var stale = Path.Combine(index, "lucene-parts", "part-0");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "_0.tim"), "left by a killed build");
        var first = WriteCorpus("many.jsonl");

        var built = Build(index, first);
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "segments_1"), "left by a killed build");
        var extended = Build(index, [first, Corpora.Write("more.jsonl", [.. Enumerable.Range(Lines, 40).Select(Line)])], corpus =>
            Assert.NotNull(corpus.At(DateTimeOffset.MaxValue).Find(new ArticleId($"wce-{Lines + 39}"))));

        Assert.Equal((CorpusBuildMode.Rebuilt, Lines), (built.Mode, built.DocumentCount));
        Assert.Equal((CorpusBuildMode.Extended, Lines + 40), (extended.Mode, extended.DocumentCount));
        Assert.False(Directory.Exists(Path.Combine(index, "lucene-parts")));
    }

    [Fact]
    public void ATruncatedDocumentTableRebuildsTheIndex()
    {
        var file = WriteCorpus("many.jsonl");
        var index = Corpora.IndexDirectory();
        Build(index, file);
        using (var stream = File.OpenWrite(Path.Combine(index, DocumentMetaFile.FileName)))
        {
            stream.SetLength(stream.Length / 2);
        }

        var report = Build(index, file);

        Assert.Equal(CorpusBuildMode.Rebuilt, report.Mode);
        Assert.Equal(Lines, report.DocumentCount);
    }
}
