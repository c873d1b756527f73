using FutureSim.Benchmarks.Retrieval;

namespace FutureSim.Corpus.Tests.Semantic;

public sealed class ClusteredDenseIndexTests
{
    [Fact]
    public void TheClusteredIndexNeverScoresAnInvisibleChunkAndProbingEveryListIsExactSearch()
    {
        var exact = DenseSearchBenchmark.Synthetic(3000, seed: 5, topics: 40);
        var clustered = exact.Cluster(lists: 16, seed: 3);
        var random = new Random(9);
        var query = new sbyte[DenseSearchBenchmark.Dimensions];
        foreach (var fraction in new[] { 0.1, 0.5, 0.97, 1.0 })
        {
            random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(query.AsSpan()));
            var (lo, hi) = exact.Range(long.MinValue, long.MaxValue);
            var asOf = exact.TicksAt(Math.Max(lo, (int)((hi - 1) * fraction)));
            var visible = exact.Range(long.MinValue, asOf).To;

            var truth = exact.Search(query, 1f / 127, long.MinValue, asOf, 10);
            var all = clustered.Search(query, 1f / 127, long.MinValue, asOf, 10, probes: 16);
            var some = clustered.Search(query, 1f / 127, long.MinValue, asOf, 10, probes: 2);

            Assert.Equal(truth, all);
            Assert.All(some, hit => Assert.True(hit.Doc < visible, "a chunk after the instant was scored"));
            Assert.All(truth, hit => Assert.True(hit.Doc < visible));
        }
    }

    [Fact]
    public void ProbingListsThatHoldTooFewVisibleChunksGoesOnToTheNextUntilTheTopIsFull()
    {
        var exact = DenseSearchBenchmark.Synthetic(3000, seed: 5, topics: 40);
        var clustered = exact.Cluster(lists: 16, seed: 3);
        var query = new sbyte[DenseSearchBenchmark.Dimensions];
        new Random(4).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(query.AsSpan()));
        var asOf = exact.TicksAt(24);

        var found = clustered.Search(query, 1f / 127, long.MinValue, asOf, 10, probes: 1);

        Assert.Equal(10, found.Length);
        Assert.All(found, hit => Assert.True(hit.Doc < 25, "a chunk after the instant was scored"));
    }
}
