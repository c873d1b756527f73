using System.Buffers.Binary;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The per-document values of <see cref="IndexSchema.Meta"/>: when the article becomes visible (UTC
/// ticks), a stable hash of its id, how many terms it has, and where its record sits in the <see cref="ArticleStore"/>.
/// </summary>
internal readonly record struct DocumentMeta(long VisibleTicks, long IdHash, int TermCount, long StoreOffset)
{
    public const int Length = 28;

    public void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes, VisibleTicks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], IdHash);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[16..], TermCount);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[20..], StoreOffset);
    }

    public static DocumentMeta Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadInt64LittleEndian(bytes),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[20..]));
}
