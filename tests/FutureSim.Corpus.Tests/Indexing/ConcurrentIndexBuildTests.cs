using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;

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
}
