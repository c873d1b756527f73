using FutureSim.Corpus.Semantic;

namespace FutureSim.Corpus.Benchmarks;

/// <summary>
/// How exact time-gated dense search costs as the corpus grows. For each size, a deterministic synthetic
/// <see cref="DenseIndex"/> of 384-dimension int8 vectors is laid out over FutureSim's calendar (articles
/// spread over 2023-10-01 … 2025-10-18 with <see cref="LastWindowShare"/> of them in the last 88 days, as in
/// FutureSim's 7.36 M-article corpus with 244 k arrivals during the simulation), and top-10 queries with
/// random vectors are timed as of several instants of the simulated window. Vector contents do not change
/// the cost of exact search (every visible vector is scored), so random vectors measure it faithfully.
/// </summary>
public static class DenseSearchBenchmark
{
    public const int Dimensions = 384;

    /// <summary>244 k of 7.36 M.</summary>
    public const double LastWindowShare = 244_000 / 7_360_000.0;

    private static readonly DateTimeOffset First = new(2023, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowStart = new(2025, 7, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Last = new(2025, 10, 18, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<DenseSearchBenchmarkRow> Run(IReadOnlyList<int> sizes, int queries, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var rows = new List<DenseSearchBenchmarkRow>();
        foreach (var size in sizes)
        {
            var started = time.GetTimestamp();
            var index = Synthetic(size, seed: 20_260_101);
            var buildSeconds = time.GetElapsedTime(started).TotalSeconds;
            var random = new Random(7);
            var query = new sbyte[Dimensions];
            foreach (var asOf in new[] { WindowStart, WindowStart.AddDays(44), Last })
            {
                var milliseconds = new List<double>(queries);
                for (var q = 0; q < queries + 5; q++)
                {
                    ct.ThrowIfCancellationRequested();
                    random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(query.AsSpan()));
                    var start = time.GetTimestamp();
                    index.Search(query, 1f / 127, long.MinValue, asOf.UtcTicks, 10);
                    if (q >= 5)
                    {
                        milliseconds.Add(time.GetElapsedTime(start).TotalMilliseconds);
                    }
                }

                milliseconds.Sort();
                var visible = index.Range(long.MinValue, asOf.UtcTicks).To;
                rows.Add(new DenseSearchBenchmarkRow(size, index.Bytes, buildSeconds, asOf, visible, Percentile(milliseconds, 0.5), Percentile(milliseconds, 0.99)));
            }
        }

        return rows;
    }

    /// <summary>A dense index of <paramref name="size"/> random chunks over FutureSim's calendar, in visibility order.</summary>
    internal static DenseIndex Synthetic(int size, int seed)
    {
        var random = new Random(seed);
        var late = (int)Math.Round(size * LastWindowShare);
        var ticks = new long[size];
        for (var i = 0; i < size; i++)
        {
            var (from, to) = i < size - late ? (First, WindowStart) : (WindowStart, Last);
            ticks[i] = from.UtcTicks + (long)(random.NextDouble() * (to - from).Ticks);
        }

        Array.Sort(ticks);
        var components = DenseIndex.NewBlocks(size, Dimensions);
        foreach (var block in components)
        {
            random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(block.AsSpan()));
        }
        var scales = Enumerable.Repeat(1f / 127, size).ToArray();
        var idHashes = new long[size];
        for (var i = 0; i < size; i++)
        {
            idHashes[i] = random.NextInt64();
        }

        return new DenseIndex(Dimensions, ticks, idHashes, new int[size], Enumerable.Range(0, size).ToArray(), scales, components);
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>One size and instant of <see cref="DenseSearchBenchmark"/>: vectors visible, latency of exact top-10 search.</summary>
public sealed record DenseSearchBenchmarkRow(int Chunks, long Bytes, double BuildSeconds, DateTimeOffset AsOf, int Visible, double P50Milliseconds, double P99Milliseconds);
