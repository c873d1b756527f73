using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Every chunk's embedding, in visibility order (then id hash, then chunk), so that the chunks visible at
/// an instant — and those inside any arrival window — are one contiguous range. Search is exact: every
/// chunk in the range is scored (a SIMD integer dot product, <see cref="Int8Vectors"/>) and nothing
/// outside it is touched, so top-k is taken among visible chunks only and a chunk's score depends on the
/// query and the chunk alone: adding future articles changes nothing at an earlier instant. Thread-safe.
/// </summary>
internal sealed class DenseIndex
{
    private readonly long[] ticks;
    private readonly long[] idHashes;
    private readonly int[] segments;
    private readonly int[] docs;
    private readonly int[] chunks;
    private readonly float[] scales;
    private readonly sbyte[][] blocks;

    /// <param name="dimensions">Components per vector.</param>
    /// <param name="ticks">Each chunk's visibility instant, ascending.</param>
    /// <param name="idHashes">Each chunk's article id hash.</param>
    /// <param name="segments">Each chunk's index segment.</param>
    /// <param name="docs">Each chunk's document number in its segment.</param>
    /// <param name="chunks">Which chunk of its article each is.</param>
    /// <param name="scales">Each chunk's quantisation scale.</param>
    /// <param name="blocks">The quantised components, <see cref="VectorsPerBlock"/> vectors per block (.NET arrays hold at most 2³¹ elements).</param>
    public DenseIndex(int dimensions, long[] ticks, long[] idHashes, int[] segments, int[] docs, int[] chunks, float[] scales, sbyte[][] blocks)
    {
        Dimensions = dimensions;
        this.ticks = ticks;
        this.idHashes = idHashes;
        this.segments = segments;
        this.docs = docs;
        this.chunks = chunks;
        this.scales = scales;
        this.blocks = blocks;
    }

    /// <summary>Vectors per block of components.</summary>
    public const int VectorsPerBlock = 1 << 20;

    /// <summary>Blocks of components for <paramref name="count"/> vectors of <paramref name="dimensions"/>.</summary>
    public static sbyte[][] NewBlocks(int count, int dimensions)
    {
        var blocks = new sbyte[(count + VectorsPerBlock - 1) / VectorsPerBlock][];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = new sbyte[Math.Min(VectorsPerBlock, count - (b * VectorsPerBlock)) * dimensions];
        }

        return blocks;
    }

    /// <summary>The components of vector <paramref name="i"/> in <paramref name="blocks"/>.</summary>
    public static Span<sbyte> Vector(sbyte[][] blocks, int i, int dimensions) =>
        blocks[i / VectorsPerBlock].AsSpan(i % VectorsPerBlock * dimensions, dimensions);

    public int Dimensions { get; }

    /// <summary>Chunks held.</summary>
    public int Count => ticks.Length;

    /// <summary>Bytes held in memory.</summary>
    public long Bytes => (ticks.Length * 28L) + ((long)ticks.Length * Dimensions);

    /// <summary>
    /// The <paramref name="want"/> chunks most similar to the query among those visible in
    /// [<paramref name="fromTicks"/>, <paramref name="toTicks"/>], best first; scores are cosine similarities.
    /// </summary>
    public TopHits.Hit[] Search(ReadOnlySpan<sbyte> query, float queryScale, long fromTicks, long toTicks, int want)
    {
        var (lo, hi) = Range(fromTicks, toTicks);
        var top = new TopHits(Math.Max(1, Math.Min(want, Math.Max(hi - lo, 1))));
        var d = Dimensions;
        for (var i = lo; i < hi; i++)
        {
            var dot = Int8Vectors.Dot(query, Vector(blocks, i, d));
            var score = dot * (queryScale * scales[i]);
            if (score >= top.Threshold)
            {
                top.Offer(score, idHashes[i], segments[i], docs[i], chunks[i]);
            }
        }

        return top.Results();
    }

    /// <summary>
    /// The same vectors clustered into <paramref name="lists"/> visibility-ordered lists for approximate search, the
    /// centroids learnt from the first <paramref name="trainingCount"/> vectors (all by default).
    /// </summary>
    public ClusteredDenseIndex Cluster(int lists, int seed, int trainingCount = int.MaxValue) =>
        ClusteredDenseIndex.Build(Count, Dimensions, TicksAt, Entry, lists, seed, trainingCount);

    /// <summary>The same vectors in the lists of an earlier <see cref="Cluster"/> of them (as <see cref="ClusterFile"/> keeps it).</summary>
    public ClusteredDenseIndex Clustered(int trainingCount, sbyte[][] centroids, int[] assignment) =>
        ClusteredDenseIndex.FromAssignment(Dimensions, trainingCount, centroids, assignment, TicksAt, Entry);

    /// <summary>SHA-256 of everything a clustering of these vectors depends on: their order, instants, scales and components.</summary>
    public byte[] ContentHash()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header, Count);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header[4..], Dimensions);
        hash.AppendData(header);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ticks.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(scales.AsSpan()));
        foreach (var block in blocks)
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(block.AsSpan()));
        }

        return hash.GetHashAndReset();
    }

    private (Memory<sbyte> Components, float Scale, long IdHash, int Segment, int Doc, int Chunk) Entry(int i) =>
        (blocks[i / VectorsPerBlock].AsMemory(i % VectorsPerBlock * Dimensions, Dimensions), scales[i], idHashes[i], segments[i], docs[i], chunks[i]);

    /// <summary>The visibility instant of the chunk at <paramref name="position"/>.</summary>
    public long TicksAt(int position) => ticks[position];

    /// <summary>The positions of the chunks visible in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>].</summary>
    public (int From, int To) Range(long fromTicks, long toTicks)
    {
        var lo = fromTicks == long.MinValue ? 0 : SortedTicks.CountAtOrBefore(ticks, fromTicks - 1);
        var hi = SortedTicks.CountAtOrBefore(ticks, toTicks);
        return (lo, Math.Max(lo, hi));
    }
}
