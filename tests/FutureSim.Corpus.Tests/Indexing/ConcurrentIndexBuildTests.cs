using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Semantic;
using FutureSim.Corpus.Tests.Semantic;

namespace FutureSim.Corpus.Tests.Indexing;

public sealed class ConcurrentIndexBuildTests : TempCorporaTests
{
    /// <summary>Two first builds of one missing index at the same moment: one builds, the other waits for it and opens what it built.</summary>
    [Fact]
    public async Task TwoFirstBuildsOfTheSameIndexNeverCollideOneWaitsForTheOther()
    {
        var news = Corpora.Write("news.jsonl", [.. Enumerable.Range(0, 500).Select(i => TestCorpora.CurrentEvents(
            $"wce-{i}", "2025-01-01", $"2025-01-01T{i % 24:D2}:00:00Z", $"Item {i}: parliament debates the budget, a storm hits the coast."))]);
        var index = Corpora.IndexDirectory();
        using var start = new Barrier(2);

        var builds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            var (corpus, report) = LuceneCorpus.OpenOrBuild(index, [news], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None);
            using (corpus)
            {
                return (report.Mode, report.Identity, Visible: corpus.At(DateTimeOffset.MaxValue).CountArrivedSince(DateTimeOffset.MinValue));
            }
        })));

        Assert.Equal([CorpusBuildMode.Reused, CorpusBuildMode.Rebuilt], builds.Select(b => b.Mode).Order());
        Assert.Equal(builds[0].Identity, builds[1].Identity);
        Assert.All(builds, b => Assert.Equal(500, b.Visible));
    }

    /// <summary>Two first semantic opens of one index at the same moment: one embeds and writes the vectors, the other waits and reads them.</summary>
    [Fact]
    public async Task TwoFirstEmbeddingsOfTheSameIndexTakeTurnsAndTheSecondEmbedsNothing()
    {
        var news = Corpora.Write("news.jsonl", [.. Enumerable.Range(0, 200).Select(i => TestCorpora.CurrentEvents(
            $"wce-{i}", "2025-01-01", $"2025-01-01T{i % 24:D2}:00:00Z", $"Item {i}: parliament debates budget number {i}, a storm hits coast {i}."))]);
        var index = Corpora.IndexDirectory();
        LuceneCorpus.OpenOrBuild(index, [news], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None).Corpus.Dispose();
        WordHashEmbeddingGenerator[] generators = [Slow(), Slow()];
        using var start = new Barrier(2);

        var opened = await Task.WhenAll(generators.Select(generator => Task.Run(async () =>
        {
            start.SignalAndWait();
            var result = await LuceneCorpus.OpenOrBuildAsync(
                index, [news], VisibilityPolicy.Strict, InvalidRecordHandling.Fail,
                new SearchSettings { DefaultMode = SearchMode.Hybrid, Embeddings = SemanticCorpora.Model(generator) }, null, null, CancellationToken.None);
            using (result.Corpus)
            {
                return (result.Report.ChunksEmbedded, result.Report.Identity);
            }
        })));

        Assert.Equal(0, opened.Min(o => o.ChunksEmbedded));
        Assert.True(opened.Max(o => o.ChunksEmbedded) > 0);
        Assert.Equal(0, generators.Min(g => g.TextsEmbedded));
        Assert.Equal(opened[0].Identity, opened[1].Identity);

        static WordHashEmbeddingGenerator Slow() => new()
        {
            Answer = _ =>
            {
                Thread.Sleep(20); // widen the window in which both would embed
                return null;
            },
        };
    }
}
