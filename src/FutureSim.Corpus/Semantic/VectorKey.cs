using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FutureSim.Corpus.Semantic;

/// <summary>What a stored vector is the embedding of: the first 128 bits of the SHA-256 of the embedded text (UTF-8).</summary>
internal readonly record struct VectorKey(ulong High, ulong Low) : IComparable<VectorKey>
{
    public const int Length = 16;

    public static VectorKey Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Read(hash);
    }

    public static VectorKey Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
    }

    public int CompareTo(VectorKey other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);
}
