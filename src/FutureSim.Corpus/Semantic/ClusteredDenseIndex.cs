using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Approximate dense search for corpora too large to scan (an inverted-file index): the vectors are
/// clustered around <c>lists</c> centroids (spherical k-means on a sample), and each cluster's members are
/// kept <b>in visibility order</b>, so the members visible in any arrival window are one contiguous range of
/// each list, found by binary search. A query scores the centroids, then scans only the visible range of the
/// <c>probes</c> best lists. The gate stays exact — no invisible vector is ever scored, and a vector's score
/// is the same as in <see cref="DenseIndex"/> — only recall is traded (probing every list is exact search).
/// Thread-safe after construction.
/// </summary>
internal sealed class ClusteredDenseIndex
{
    private readonly int dimensions;
    private readonly sbyte[][] centroids;
    private readonly long[][] ticks;
    private readonly int[][] members;
    private readonly Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector;

    private ClusteredDenseIndex(int dimensions, sbyte[][] centroids, long[][] ticks, int[][] members, Func<int, (Memory<sbyte>, float, long, int, int, int)> vector)
    {
        this.dimensions = dimensions;
        this.centroids = centroids;
        this.ticks = ticks;
        this.members = members;
        this.vector = vector;
    }

    public int Lists => centroids.Length;

    /// <summary>Clusters <paramref name="count"/> vectors (given in visibility order, with their instants) into <paramref name="lists"/> lists.</summary>
    /// <param name="count">How many vectors.</param>
    /// <param name="dimensions">Components per vector.</param>
    /// <param name="ticksOf">Each vector's visibility instant (ascending in the vector's position).</param>
    /// <param name="vector">Each vector's components, scale, id hash, segment and document.</param>
    /// <param name="lists">Clusters.</param>
    /// <param name="seed">Seeds the sample and the initial centroids (the same inputs give the same index).</param>
    public static ClusteredDenseIndex Build(int count, int dimensions, Func<int, long> ticksOf, Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector, int lists, int seed)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, Math.Min(count, lists * 40)).Select(_ => random.Next(count)).ToArray();
        var centroids = sample.Take(lists).Select(i => Float(vector(i).Components.Span)).ToArray();
        var quantised = Quantise(centroids);
        for (var iteration = 0; iteration < 6; iteration++)
        {
            var sums = new float[lists][];
            for (var c = 0; c < lists; c++)
            {
                sums[c] = new float[dimensions];
            }

            foreach (var i in sample)
            {
                var components = vector(i).Components.Span;
                var best = Nearest(quantised, components);
                for (var d = 0; d < dimensions; d++)
                {
                    sums[best][d] += components[d];
                }
            }

            for (var c = 0; c < lists; c++)
            {
                var norm = MathF.Sqrt(sums[c].Sum(x => x * x));
                if (norm > 0)
                {
                    centroids[c] = [.. sums[c].Select(x => x / norm)];
                }
            }

            quantised = Quantise(centroids);
        }

        var assigned = new List<int>[lists];
        for (var c = 0; c < lists; c++)
        {
            assigned[c] = [];
        }

        // Positions are visited in visibility order, so every list comes out in visibility order too.
        for (var i = 0; i < count; i++)
        {
            assigned[Nearest(quantised, vector(i).Components.Span)].Add(i);
        }

        return new ClusteredDenseIndex(
            dimensions,
            quantised,
            [.. assigned.Select(list => list.Select(ticksOf).ToArray())],
            [.. assigned.Select(list => list.ToArray())],
            vector);
    }

    /// <summary>The best <paramref name="want"/> chunks visible in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>] among the <paramref name="probes"/> lists nearest the query.</summary>
    public TopHits.Hit[] Search(ReadOnlySpan<sbyte> query, float queryScale, long fromTicks, long toTicks, int want, int probes)
    {
        var centroidScores = new int[centroids.Length];
        for (var c = 0; c < centroids.Length; c++)
        {
            centroidScores[c] = Int8Vectors.Dot(centroids[c], query);
        }

        var order = Enumerable.Range(0, centroids.Length).OrderByDescending(c => centroidScores[c]).ThenBy(c => c).Take(probes);
        var top = new TopHits(Math.Max(1, want));
        foreach (var list in order)
        {
            var listTicks = ticks[list];
            var lo = fromTicks == long.MinValue ? 0 : SortedTicks.CountAtOrBefore(listTicks, fromTicks - 1);
            var hi = SortedTicks.CountAtOrBefore(listTicks, toTicks);
            for (var j = lo; j < hi; j++)
            {
                var (components, scale, idHash, segment, doc, chunk) = vector(members[list][j]);
                var score = Int8Vectors.Dot(query, components.Span) * (queryScale * scale);
                if (score >= top.Threshold)
                {
                    top.Offer(score, idHash, segment, doc, chunk);
                }
            }
        }

        return top.Results();
    }

    private static float[] Float(ReadOnlySpan<sbyte> components)
    {
        var values = new float[components.Length];
        for (var d = 0; d < values.Length; d++)
        {
            values[d] = components[d];
        }

        return values;
    }

    private static sbyte[][] Quantise(float[][] centroids) =>
        [.. centroids.Select(c =>
        {
            var q = new sbyte[c.Length];
            Int8Vectors.Quantize(c, q);
            return q;
        })];

    private static int Nearest(sbyte[][] centroids, ReadOnlySpan<sbyte> components)
    {
        var best = 0;
        var bestScore = int.MinValue;
        for (var c = 0; c < centroids.Length; c++)
        {
            var score = Int8Vectors.Dot(centroids[c], components);
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }
}
