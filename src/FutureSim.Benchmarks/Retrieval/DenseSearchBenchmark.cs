using System.Collections.Immutable;
using FutureSim.Corpus.Semantic;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// How exact time-gated dense search costs as the corpus grows. For each size, a deterministic synthetic
/// <see cref="DenseIndex"/> of 384-dimension int8 vectors is laid out over FutureSim's calendar (articles
/// spread over 2023-10-01 … 2025-10-18 with <see cref="LastWindowShare"/> of them in the last 88 days, as in
/// FutureSim's 7.36 M-article corpus with 244 k arrivals during the simulation), and top-10 queries with
/// random vectors are timed as of several instants of the simulated window. Vector contents do not change
/// the cost of exact search (every visible vector is scored), so random vectors measure it faithfully.
/// Every measured search is also checked (<see cref="DenseSearchChecks"/>): no result visible after the instant,
/// by each result's stored instant, and exactly k results whenever k chunks are visible.
/// </summary>
public static class DenseSearchBenchmark
{
    public const int Dimensions = 384;

    /// <summary>244 k of 7.36 M.</summary>
    public const double LastWindowShare = 244_000 / 7_360_000.0;

    /// <summary>The first day of FutureSim's corpus.</summary>
    internal static readonly DateTimeOffset First = new(2023, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first of the simulation's 88 days.</summary>
    internal static readonly DateTimeOffset WindowStart = new(2025, 7, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last day of FutureSim's corpus.</summary>
    internal static readonly DateTimeOffset Last = new(2025, 10, 18, 0, 0, 0, TimeSpan.Zero);

    public static DenseSearchBenchmarkReport Run(IReadOnlyList<int> sizes, int queries, TimeProvider time, CancellationToken ct) =>
        Run(sizes, queries, time, ct, search => search);

    /// <summary>As <see cref="Run(IReadOnlyList{int}, int, TimeProvider, CancellationToken)"/>, every search going through <paramref name="measured"/> (a test breaks the search with it to see the checks fail).</summary>
    internal static DenseSearchBenchmarkReport Run(IReadOnlyList<int> sizes, int queries, TimeProvider time, CancellationToken ct, Func<DenseSearch, DenseSearch> measured)
    {
        ArgumentNullException.ThrowIfNull(time);
        var rows = ImmutableArray.CreateBuilder<DenseSearchBenchmarkRow>();
        foreach (var size in sizes)
        {
            var started = time.GetTimestamp();
            var index = Synthetic(size, seed: 20_260_101);
            var buildSeconds = time.GetElapsedTime(started).TotalSeconds;
            var search = measured(Exact(index));
            var random = new Random(7);
            var query = new sbyte[Dimensions];
            foreach (var asOf in new[] { WindowStart, WindowStart.AddDays(44), Last })
            {
                var checks = new DenseSearchChecks(index, asOf.UtcTicks);
                var milliseconds = new List<double>(queries);
                for (var q = 0; q < queries + 5; q++)
                {
                    ct.ThrowIfCancellationRequested();
                    random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(query.AsSpan()));
                    var start = time.GetTimestamp();
                    var found = search(query, 1f / 127, asOf.UtcTicks, 10);
                    if (q >= 5)
                    {
                        milliseconds.Add(time.GetElapsedTime(start).TotalMilliseconds);
                    }

                    checks.Check(found, 10);
                }

                milliseconds.Sort();
                rows.Add(new DenseSearchBenchmarkRow(size, index.Bytes, buildSeconds, asOf, checks.Visible, Percentile(milliseconds, 0.5), Percentile(milliseconds, 0.99), checks.CutoffViolations, checks.ShortResults));
            }
        }

        return new DenseSearchBenchmarkReport(rows.ToImmutable());
    }

    /// <summary>Exact search of <paramref name="index"/> as of an instant, as the positions of the hits (the synthetic indexes' document numbers are their positions).</summary>
    private static DenseSearch Exact(DenseIndex index) =>
        (query, scale, asOfTicks, want) => [.. index.Search(query, scale, long.MinValue, asOfTicks, want).Select(h => h.Doc)];

    /// <summary>
    /// The approximate (clustered) index against exact search at one size: vectors drawn around
    /// 2,000 random topic directions (so that clusters exist, as in real embeddings), queries
    /// likewise — or, with <paramref name="vectorFile"/>, the real embeddings of a vector file, of which
    /// <paramref name="queries"/> evenly spaced ones are held out as queries and the rest laid out over the
    /// calendar; recall@10 of the approximate top-10 against the exact one, and both latencies, per instant.
    /// </summary>
    public static ApproximateSearchReport RunApproximate(int size, int lists, int probes, int queries, double minimumRecall, TimeProvider time, CancellationToken ct, string? vectorFile = null) =>
        RunApproximate(size, lists, probes, queries, minimumRecall, time, ct, vectorFile, search => search);

    /// <summary>As the public overload, the approximate searches going through <paramref name="measured"/> (a test breaks them with it to see the checks fail).</summary>
    internal static ApproximateSearchReport RunApproximate(int size, int lists, int probes, int queries, double minimumRecall, TimeProvider time, CancellationToken ct, string? vectorFile, Func<DenseSearch, DenseSearch> measured)
    {
        ArgumentNullException.ThrowIfNull(time);
        const int Topics = 2000;
        var random = new Random(13);
        DenseIndex exact;
        Func<(sbyte[] Components, float Scale)> nextQuery;
        if (vectorFile is null)
        {
            exact = Synthetic(size, seed: 20_260_101, topics: Topics);
            var centers = TopicCenters(Topics, 20_260_101);
            nextQuery = () => (Around(centers[random.Next(Topics)], random), 1f / 127);
        }
        else
        {
            (exact, var held) = FromFile(vectorFile, queries, seed: 20_260_101);
            var next = 0;
            nextQuery = () => held[next++ % held.Count];
        }

        var started = time.GetTimestamp();
        var clustered = exact.Cluster(lists, seed: 11);
        var clusterSeconds = time.GetElapsedTime(started).TotalSeconds;
        var approximate = measured((query, scale, asOfTicks, want) => [.. clustered.Search(query, scale, long.MinValue, asOfTicks, want, probes).Select(h => h.Doc)]);
        var rows = ImmutableArray.CreateBuilder<ApproximateSearchRow>();
        foreach (var asOf in new[] { WindowStart, WindowStart.AddDays(44), Last })
        {
            var checks = new DenseSearchChecks(exact, asOf.UtcTicks);
            var exactMs = new List<double>();
            var approximateMs = new List<double>();
            double recall = 0;
            for (var q = 0; q < queries; q++)
            {
                ct.ThrowIfCancellationRequested();
                var (query, scale) = nextQuery();
                var start = time.GetTimestamp();
                var truth = exact.Search(query, scale, long.MinValue, asOf.UtcTicks, 10);
                exactMs.Add(time.GetElapsedTime(start).TotalMilliseconds);
                start = time.GetTimestamp();
                var found = approximate(query, scale, asOf.UtcTicks, 10);
                approximateMs.Add(time.GetElapsedTime(start).TotalMilliseconds);
                checks.Check([.. truth.Select(t => t.Doc)], 10);
                checks.Check(found, 10);
                recall += truth.Length == 0 ? 1 : truth.Count(t => found.Contains(t.Doc)) / (double)truth.Length;
            }

            exactMs.Sort();
            approximateMs.Sort();
            rows.Add(new ApproximateSearchRow(exact.Count, lists, probes, asOf, checks.Visible, recall / queries, clusterSeconds,
                Percentile(exactMs, 0.5), Percentile(approximateMs, 0.5), Percentile(approximateMs, 0.99), checks.CutoffViolations, checks.ShortResults));
        }

        return new ApproximateSearchReport(rows.ToImmutable(), minimumRecall);
    }

    /// <summary>The vectors of a vector file laid out over the calendar, but for <paramref name="queries"/> evenly spaced ones held out as queries.</summary>
    private static (DenseIndex Index, List<(sbyte[] Components, float Scale)> Queries) FromFile(string path, int queries, int seed)
    {
        var file = VectorFile.Read(path);
        var step = Math.Max(2, file.Count / Math.Max(1, queries));
        var held = new List<(sbyte[], float)>();
        var kept = new List<int>();
        for (var i = 0; i < file.Count; i++)
        {
            if (i % step == 0 && held.Count < queries)
            {
                held.Add((file.ComponentsAt(i).ToArray(), file.ScaleAt(i)));
            }
            else
            {
                kept.Add(i);
            }
        }

        var random = new Random(seed);
        var ticks = CalendarTicks(kept.Count, random);
        var components = DenseIndex.NewBlocks(kept.Count, file.Dimensions);
        var scales = new float[kept.Count];
        var idHashes = new long[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            file.ComponentsAt(kept[i]).CopyTo(DenseIndex.Vector(components, i, file.Dimensions));
            scales[i] = file.ScaleAt(kept[i]);
            idHashes[i] = random.NextInt64();
        }

        var index = new DenseIndex(file.Dimensions, ticks, idHashes, new int[kept.Count], [.. Enumerable.Range(0, kept.Count)], new int[kept.Count], scales, components);
        return (index, held);
    }

    /// <summary>Ascending instants of <paramref name="size"/> chunks over FutureSim's calendar, <see cref="LastWindowShare"/> of them in the last 88 days.</summary>
    private static long[] CalendarTicks(int size, Random random)
    {
        var late = (int)Math.Round(size * LastWindowShare);
        var ticks = new long[size];
        for (var i = 0; i < size; i++)
        {
            var (from, to) = i < size - late ? (First, WindowStart) : (WindowStart, Last);
            ticks[i] = from.UtcTicks + (long)(random.NextDouble() * (to - from).Ticks);
        }

        Array.Sort(ticks);
        return ticks;
    }

    private static sbyte[][] TopicCenters(int topics, int seed)
    {
        var random = new Random(seed ^ 0x5EED);
        return [.. Enumerable.Range(0, topics).Select(_ => Enumerable.Range(0, Dimensions).Select(_ => (sbyte)random.Next(-60, 61)).ToArray())];
    }

    private static sbyte[] Around(sbyte[] center, Random random)
    {
        var vector = new sbyte[center.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (sbyte)Math.Clamp(center[d] + random.Next(-50, 51), -127, 127);
        }

        return vector;
    }

    /// <summary>A dense index of <paramref name="size"/> random chunks over FutureSim's calendar, in visibility order (around topic directions when <paramref name="topics"/> &gt; 0).</summary>
    internal static DenseIndex Synthetic(int size, int seed, int topics = 0)
    {
        var random = new Random(seed);
        var ticks = CalendarTicks(size, random);
        var components = DenseIndex.NewBlocks(size, Dimensions);
        if (topics == 0)
        {
            foreach (var block in components)
            {
                random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(block.AsSpan()));
            }
        }
        else
        {
            var centers = TopicCenters(topics, seed);
            for (var i = 0; i < size; i++)
            {
                Around(centers[random.Next(topics)], random).CopyTo(DenseIndex.Vector(components, i, Dimensions));
            }
        }
        var scales = Enumerable.Repeat(1f / 127, size).ToArray();
        var idHashes = new long[size];
        for (var i = 0; i < size; i++)
        {
            idHashes[i] = random.NextInt64();
        }

        return new DenseIndex(Dimensions, ticks, idHashes, new int[size], Enumerable.Range(0, size).ToArray(), new int[size], scales, components);
    }

    private static double Percentile(List<double> sorted, double fraction) => FutureSim.Core.Statistics.Quantile.NearestRank(sorted, fraction);
}
