using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// The approximate index of a vector set on disk, so that it is clustered once, not at every open: the magic
/// <c>FSCLU001</c>; the 32-byte <see cref="DenseIndex.ContentHash"/> of the vectors it was made from; int32
/// lists, dimensions, training count, seed and vector count; the quantised centroids; then each vector position's
/// list (int32), all little-endian. Written to a temporary name and renamed, so a reader sees a whole file or none;
/// a file that does not match the vectors and settings, or is damaged, is not used (and is rewritten).
/// </summary>
internal static class ClusterFile
{
    private static readonly byte[] Magic = "FSCLU001"u8.ToArray();

    private const int HeaderLength = 8 + 32 + (5 * 4);

    /// <summary>The file of <paramref name="lists"/> lists learnt from the first <paramref name="trainingCount"/> vectors of a model's vector file.</summary>
    public static string PathFor(string vectorPath, int lists, int trainingCount) =>
        Path.ChangeExtension(vectorPath, $"clusters-{lists}-{trainingCount}.bin");

    /// <summary>
    /// The approximate index kept in <paramref name="path"/> for exactly these vectors and settings; otherwise one
    /// clustered now and written there. <paramref name="reused"/> says which.
    /// </summary>
    public static ClusteredDenseIndex OpenOrBuild(string path, DenseIndex dense, int lists, int seed, int trainingCount, out bool reused)
    {
        var hash = dense.ContentHash();
        var training = Math.Clamp(trainingCount, Math.Min(dense.Count, 1), dense.Count);
        if (TryRead(path, hash, dense, lists, seed, training) is { } kept)
        {
            reused = true;
            return kept;
        }

        var built = dense.Cluster(lists, seed, training);
        Write(path, hash, dense, seed, built);
        reused = false;
        return built;
    }

    private static ClusteredDenseIndex? TryRead(string path, byte[] hash, DenseIndex dense, int lists, int seed, int trainingCount)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var dimensions = dense.Dimensions;
        if (bytes.Length != HeaderLength + ((long)lists * dimensions) + (4L * dense.Count)
            || !bytes.AsSpan(0, 8).SequenceEqual(Magic)
            || !bytes.AsSpan(8, 32).SequenceEqual(hash))
        {
            return null;
        }

        var header = bytes.AsSpan(40);
        if (BinaryPrimitives.ReadInt32LittleEndian(header) != lists
            || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != dimensions
            || BinaryPrimitives.ReadInt32LittleEndian(header[8..]) != trainingCount
            || BinaryPrimitives.ReadInt32LittleEndian(header[12..]) != seed
            || BinaryPrimitives.ReadInt32LittleEndian(header[16..]) != dense.Count)
        {
            return null;
        }

        var centroids = new sbyte[lists][];
        var at = HeaderLength;
        for (var c = 0; c < lists; c++, at += dimensions)
        {
            centroids[c] = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(at, dimensions)).ToArray();
        }

        var assignment = new int[dense.Count];
        for (var i = 0; i < assignment.Length; i++, at += 4)
        {
            var list = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            if (list < 0 || list >= lists)
            {
                return null;
            }

            assignment[i] = list;
        }

        return dense.Clustered(trainingCount, centroids, assignment);
    }

    private static void Write(string path, byte[] hash, DenseIndex dense, int seed, ClusteredDenseIndex index)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var output = new BufferedStream(File.Create(temporary), 1 << 20))
        {
            Span<byte> number = stackalloc byte[4];
            output.Write(Magic);
            output.Write(hash);
            foreach (var value in new[] { index.Lists, dense.Dimensions, index.TrainingCount, seed, dense.Count })
            {
                BinaryPrimitives.WriteInt32LittleEndian(number, value);
                output.Write(number);
            }

            foreach (var centroid in index.Centroids)
            {
                output.Write(MemoryMarshal.AsBytes(centroid.AsSpan()));
            }

            foreach (var list in index.Assignment())
            {
                BinaryPrimitives.WriteInt32LittleEndian(number, list);
                output.Write(number);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
