using System.Buffers.Binary;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The per-document values of the <see cref="DocumentMetaFile"/>: when the article becomes visible (UTC
/// ticks), a stable hash of its id, how many terms it has, where its record sits in the <see cref="ArticleStore"/>,
/// and which chunk of the article it is (<see cref="Text.ArticleChunks"/>; 0 for the first or only one).
/// </summary>
internal readonly record struct DocumentMeta(long VisibleTicks, long IdHash, int TermCount, long StoreOffset, int Chunk)
{
    public const int Length = 32;

    public void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes, VisibleTicks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], IdHash);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[16..], TermCount);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[20..], StoreOffset);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[28..], Chunk);
    }

    public static DocumentMeta Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadInt64LittleEndian(bytes),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[20..]),
        BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]));
}
