using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using FutureSim.Core.Articles;
using Microsoft.Win32.SafeHandles;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The articles of an index, kept outside Lucene in one append-only file so that fetching a hit costs
/// one positional read and a JSON parse (Lucene's block-compressed stored fields cost ~100 µs a hit).
/// A record is <c>[int32 stored length][int32 JSON length][stored bytes]</c>: the article JSON
/// (<see cref="ArticleJson"/>), Brotli-compressed when it is long enough to gain. Documents point at
/// their record through <see cref="DocumentMeta.StoreOffset"/>. Reads are thread-safe.
/// </summary>
internal sealed class ArticleStore : IDisposable
{
    public const string FileName = "articles.dat";

    private const int HeaderLength = 8;

    /// <summary>Records at least this long are compressed; short news items are not worth it.</summary>
    private const int CompressFrom = 1024;

    private readonly SafeFileHandle handle;

    private ArticleStore(SafeFileHandle handle)
    {
        this.handle = handle;
    }

    public static ArticleStore Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess));

    public Article Read(long offset)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        ReadExactly(header, offset);
        var storedLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (storedLength <= 0 || jsonLength < storedLength)
        {
            throw new InvalidDataException($"the article store has a malformed record at offset {offset}");
        }

        var stored = ArrayPool<byte>.Shared.Rent(storedLength);
        var json = storedLength == jsonLength ? stored : ArrayPool<byte>.Shared.Rent(jsonLength);
        try
        {
            ReadExactly(stored.AsSpan(0, storedLength), offset + HeaderLength);
            if (json != stored && (!BrotliDecoder.TryDecompress(stored.AsSpan(0, storedLength), json, out var written) || written != jsonLength))
            {
                throw new InvalidDataException($"the article store has a corrupt record at offset {offset}");
            }

            return ArticleJson.Read(json.AsSpan(0, jsonLength));
        }
        finally
        {
            if (json != stored)
            {
                ArrayPool<byte>.Shared.Return(json);
            }

            ArrayPool<byte>.Shared.Return(stored);
        }
    }

    public void Dispose() => handle.Dispose();

    private void ReadExactly(Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                throw new InvalidDataException($"the article store ends before offset {offset}");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }

    /// <summary>Turns articles into store records; one per thread.</summary>
    internal sealed class Encoder
    {
        private readonly ArticleJson json = new();
        private byte[] record = new byte[4096];

        /// <summary>The record of <paramref name="article"/>: header and stored bytes, valid until the next call.</summary>
        public ReadOnlySpan<byte> Encode(Article article)
        {
            var bytes = json.Write(article).Span;
            var bound = HeaderLength + (bytes.Length >= CompressFrom ? BrotliEncoder.GetMaxCompressedLength(bytes.Length) : bytes.Length);
            if (record.Length < bound)
            {
                record = new byte[Math.Max(bound, record.Length * 2)];
            }

            var stored = bytes.Length;
            if (bytes.Length >= CompressFrom
                && BrotliEncoder.TryCompress(bytes, record.AsSpan(HeaderLength), out var written, quality: 1, window: 22)
                && written < bytes.Length)
            {
                stored = written;
            }
            else
            {
                bytes.CopyTo(record.AsSpan(HeaderLength));
            }

            BinaryPrimitives.WriteInt32LittleEndian(record, stored);
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), bytes.Length);
            return record.AsSpan(0, HeaderLength + stored);
        }
    }

    /// <summary>Appends records; <see cref="Flush"/> makes them durable before the index commit that refers to them. Not thread-safe.</summary>
    internal sealed class Writer : IDisposable
    {
        private readonly FileStream stream;

        /// <summary>Opens the store for appending after its first <paramref name="committedLength"/> bytes; anything beyond (an uncommitted append) is cut off.</summary>
        public Writer(string path, long committedLength)
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 20);
            stream.SetLength(committedLength);
            stream.Position = committedLength;
        }

        public long Length => stream.Position;

        /// <summary>Appends a record made by an <see cref="Encoder"/> and returns its offset.</summary>
        public long Append(ReadOnlySpan<byte> record)
        {
            var offset = stream.Position;
            stream.Write(record);
            return offset;
        }

        public void Flush() => stream.Flush(flushToDisk: true);

        public void Dispose() => stream.Dispose();
    }
}
