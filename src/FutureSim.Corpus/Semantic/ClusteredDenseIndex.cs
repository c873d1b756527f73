using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Approximate dense search for corpora too large to scan (an inverted-file index): the vectors are
/// clustered around <c>lists</c> centroids (spherical k-means on a sample), and each cluster's members are
/// kept <b>in visibility order</b>, so the members visible in any arrival window are one contiguous range of
/// each list, found by binary search. A query scores the centroids, then scans only the visible range of the
/// <c>probes</c> best lists — and of further lists, nearest first, until it has scored as many visible vectors
/// as it wants, so it never returns fewer than asked while enough are visible. The gate stays exact — no
/// invisible vector is ever scored, and a vector's score is the same as in <see cref="DenseIndex"/> — only
/// recall is traded (probing every list is exact search).
/// <para>
/// The centroids are learnt from the first <see cref="TrainingCount"/> vectors in visibility order only, so
/// for a window holding at least that many vectors (the only windows it should be asked about), vectors
/// that arrive after the window change neither the centroids nor the lists' visible parts: as for exact
/// search, adding future articles changes no result at an earlier instant.
/// </para>
/// Thread-safe after construction.
/// </summary>
internal sealed class ClusteredDenseIndex
{
    private readonly int dimensions;
    private readonly sbyte[][] centroids;
    private readonly long[][] ticks;
    private readonly int[][] members;
    private readonly Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector;

    private ClusteredDenseIndex(int dimensions, int trainingCount, sbyte[][] centroids, long[][] ticks, int[][] members, Func<int, (Memory<sbyte>, float, long, int, int, int)> vector)
    {
        this.dimensions = dimensions;
        TrainingCount = trainingCount;
        this.centroids = centroids;
        this.ticks = ticks;
        this.members = members;
        this.vector = vector;
    }

    public int Lists => centroids.Length;

    /// <summary>How many of the first vectors (in visibility order) the centroids were learnt from.</summary>
    public int TrainingCount { get; }

    /// <summary>Clusters <paramref name="count"/> vectors (given in visibility order, with their instants) into <paramref name="lists"/> lists.</summary>
    /// <param name="count">How many vectors.</param>
    /// <param name="dimensions">Components per vector.</param>
    /// <param name="ticksOf">Each vector's visibility instant (ascending in the vector's position).</param>
    /// <param name="vector">Each vector's components, scale, id hash, segment, document and chunk.</param>
    /// <param name="lists">Clusters.</param>
    /// <param name="seed">Seeds the sample and the initial centroids (the same inputs give the same index).</param>
    /// <param name="trainingCount">The centroids are learnt from a sample of the first this many vectors (at most <paramref name="count"/>).</param>
    public static ClusteredDenseIndex Build(
        int count,
        int dimensions,
        Func<int, long> ticksOf,
        Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector,
        int lists,
        int seed,
        int trainingCount)
    {
        trainingCount = Math.Clamp(trainingCount, Math.Min(count, 1), count);
        var centroids = Train(dimensions, vector, lists, seed, trainingCount);

        // Each vector's list is found in parallel (it depends on the vector alone).
        var nearest = new int[count];
        Parallel.For(0, count, i => nearest[i] = Nearest(centroids, vector(i).Components.Span));
        return FromAssignment(dimensions, trainingCount, centroids, nearest, ticksOf, vector);
    }

    /// <summary>
    /// The index of centroids and an assignment made earlier (<see cref="Centroids"/>, <see cref="Assignment"/>,
    /// kept by <see cref="ClusterFile"/>) for the same vectors: positions are visited in visibility order, so every
    /// list comes out in visibility order too.
    /// </summary>
    public static ClusteredDenseIndex FromAssignment(
        int dimensions,
        int trainingCount,
        sbyte[][] centroids,
        int[] nearest,
        Func<int, long> ticksOf,
        Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector)
    {
        var assigned = new List<int>[centroids.Length];
        for (var c = 0; c < assigned.Length; c++)
        {
            assigned[c] = [];
        }

        for (var i = 0; i < nearest.Length; i++)
        {
            assigned[nearest[i]].Add(i);
        }

        return new ClusteredDenseIndex(
            dimensions,
            trainingCount,
            centroids,
            [.. assigned.Select(list => list.Select(ticksOf).ToArray())],
            [.. assigned.Select(list => list.ToArray())],
            vector);
    }

    /// <summary>The quantised centroids, by list.</summary>
    public IReadOnlyList<sbyte[]> Centroids => centroids;

    /// <summary>Which list each vector position belongs to.</summary>
    public int[] Assignment()
    {
        var nearest = new int[members.Sum(m => m.Length)];
        for (var list = 0; list < members.Length; list++)
        {
            foreach (var position in members[list])
            {
                nearest[position] = list;
            }
        }

        return nearest;
    }

    /// <summary>
    /// The best <paramref name="want"/> chunks visible in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>] among the
    /// <paramref name="probes"/> lists nearest the query, and further lists (nearest first) until <paramref name="want"/> visible chunks were scored.
    /// </summary>
    public TopHits.Hit[] Search(ReadOnlySpan<sbyte> query, float queryScale, long fromTicks, long toTicks, int want, int probes)
    {
        var centroidScores = new int[centroids.Length];
        for (var c = 0; c < centroids.Length; c++)
        {
            centroidScores[c] = Int8Vectors.Dot(centroids[c], query);
        }

        var order = Enumerable.Range(0, centroids.Length).OrderByDescending(c => centroidScores[c]).ThenBy(c => c).ToArray();
        var top = new TopHits(Math.Max(1, want));
        var scored = 0;
        for (var probed = 0; probed < order.Length && (probed < probes || scored < want); probed++)
        {
            var list = order[probed];
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

            scored += Math.Max(0, hi - lo);
        }

        return top.Results();
    }

    /// <summary>Spherical k-means on a sample of the first <paramref name="trainingCount"/> vectors: the quantised centroids.</summary>
    private static sbyte[][] Train(
        int dimensions, Func<int, (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk)> vector, int lists, int seed, int trainingCount)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, Math.Min(trainingCount, lists * 40)).Select(_ => random.Next(trainingCount)).ToArray();
        var centroids = sample.Take(lists).Select(i => Float(vector(i).Components.Span)).ToArray();
        var quantised = Quantise(centroids);
        for (var iteration = 0; iteration < 6; iteration++)
        {
            var sums = new float[centroids.Length][];
            for (var c = 0; c < sums.Length; c++)
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

            for (var c = 0; c < sums.Length; c++)
            {
                var norm = MathF.Sqrt(sums[c].Sum(x => x * x));
                if (norm > 0)
                {
                    centroids[c] = [.. sums[c].Select(x => x / norm)];
                }
            }

            quantised = Quantise(centroids);
        }

        return quantised;
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
