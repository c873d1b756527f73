using System.Buffers.Binary;
using System.Text;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Embeddings on disk, keyed by the text they embed (<see cref="VectorKey"/>), for one model. The format:
/// the magic <c>FSVEC001</c>; int32 dimensions; int32 byte length and UTF-8 text of the model's identity;
/// int64 entry count; then the entries in ascending key order, each the 16-byte key, the float32 scale and
/// the quantised components (<see cref="Int8Vectors"/>), all little-endian. The same entries always give the
/// same bytes. Files are written to a temporary name and renamed, so a reader sees a whole file or none.
/// </summary>
internal sealed class VectorFile
{
    private static readonly byte[] Magic = "FSVEC001"u8.ToArray();

    private readonly VectorKey[] keys;
    private readonly float[] scales;
    private readonly sbyte[] components;

    private VectorFile(string modelId, int dimensions, VectorKey[] keys, float[] scales, sbyte[] components)
    {
        ModelId = modelId;
        Dimensions = dimensions;
        this.keys = keys;
        this.scales = scales;
        this.components = components;
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public int Count => keys.Length;

    /// <summary>An empty table for a model.</summary>
    public static VectorFile Empty(string modelId, int dimensions) => new(modelId, dimensions, [], [], []);

    /// <summary>Reads a vector file.</summary>
    /// <exception cref="InvalidDataException">The file is not a vector file, or it is truncated.</exception>
    public static VectorFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        if (span.Length < Magic.Length + 8 || !span[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a FutureSim vector file");
        }

        span = span[Magic.Length..];
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(span);
        var idLength = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        span = span[8..];
        if (dimensions < 1 || idLength < 0 || span.Length < idLength + 8)
        {
            throw new InvalidDataException($"{path} has a malformed header");
        }

        var modelId = Encoding.UTF8.GetString(span[..idLength]);
        var count = BinaryPrimitives.ReadInt64LittleEndian(span[idLength..]);
        span = span[(idLength + 8)..];
        var entry = VectorKey.Length + 4 + dimensions;
        if (count < 0 || span.Length != count * entry)
        {
            throw new InvalidDataException($"{path} is truncated or has trailing bytes ({count} entries of {entry} bytes expected)");
        }

        var keys = new VectorKey[count];
        var scales = new float[count];
        var components = new sbyte[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            var at = span.Slice(i * entry, entry);
            keys[i] = VectorKey.Read(at);
            scales[i] = BinaryPrimitives.ReadSingleLittleEndian(at[VectorKey.Length..]);
            at[(VectorKey.Length + 4)..].CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(components.AsSpan(i * dimensions, dimensions)));
            if (i > 0 && keys[i - 1].CompareTo(keys[i]) >= 0)
            {
                throw new InvalidDataException($"{path} is not sorted by key at entry {i}");
            }
        }

        return new VectorFile(modelId, dimensions, keys, scales, components);
    }

    /// <summary>The index of the entry for <paramref name="key"/>, or -1.</summary>
    public int Find(VectorKey key)
    {
        var i = Array.BinarySearch(keys, key);
        return i < 0 ? -1 : i;
    }

    public float ScaleAt(int index) => scales[index];

    public ReadOnlySpan<sbyte> ComponentsAt(int index) => components.AsSpan(index * Dimensions, Dimensions);

    /// <summary>
    /// Writes the given entries (duplicates collapse to one) as a vector file, atomically.
    /// </summary>
    public static void Write(string path, string modelId, int dimensions, IEnumerable<(VectorKey Key, float Scale, ReadOnlyMemory<sbyte> Components)> entries)
    {
        var sorted = new SortedDictionary<VectorKey, (float Scale, ReadOnlyMemory<sbyte> Components)>();
        foreach (var (key, scale, values) in entries)
        {
            if (values.Length != dimensions)
            {
                throw new ArgumentException($"a vector has {values.Length} components, not {dimensions}", nameof(entries));
            }

            sorted[key] = (scale, values);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var output = new BufferedStream(File.Create(temporary), 1 << 20))
        {
            Span<byte> header = stackalloc byte[8];
            output.Write(Magic);
            var id = Encoding.UTF8.GetBytes(modelId);
            BinaryPrimitives.WriteInt32LittleEndian(header, dimensions);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], id.Length);
            output.Write(header);
            output.Write(id);
            BinaryPrimitives.WriteInt64LittleEndian(header, sorted.Count);
            output.Write(header);
            Span<byte> prefix = stackalloc byte[VectorKey.Length + 4];
            foreach (var (key, (scale, values)) in sorted)
            {
                key.WriteTo(prefix);
                BinaryPrimitives.WriteSingleLittleEndian(prefix[VectorKey.Length..], scale);
                output.Write(prefix);
                output.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.Span));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Every entry, in key order.</summary>
    public IEnumerable<(VectorKey Key, float Scale, ReadOnlyMemory<sbyte> Components)> Entries()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return (keys[i], scales[i], components.AsMemory(i * Dimensions, Dimensions));
        }
    }
}
