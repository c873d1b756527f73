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

    /// <summary>Appends records; <see cref="Flush"/> makes them durable before the index commit that refers to them.</summary>
    internal sealed class Writer : IDisposable
    {
        private readonly FileStream stream;
        private readonly ArticleJson json = new();
        private byte[] compressed = new byte[4096];

        /// <summary>Opens the store for appending after its first <paramref name="committedLength"/> bytes; anything beyond (an uncommitted append) is cut off.</summary>
        public Writer(string path, long committedLength)
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 20);
            stream.SetLength(committedLength);
            stream.Position = committedLength;
        }

        public long Length => stream.Position;

        /// <summary>Appends the article and returns the offset of its record.</summary>
        public long Append(Article article)
        {
            var offset = stream.Position;
            var bytes = json.Write(article).Span;
            var stored = bytes;
            if (bytes.Length >= CompressFrom)
            {
                var bound = BrotliEncoder.GetMaxCompressedLength(bytes.Length);
                if (compressed.Length < bound)
                {
                    compressed = new byte[bound];
                }

                if (BrotliEncoder.TryCompress(bytes, compressed, out var written, quality: 1, window: 22) && written < bytes.Length)
                {
                    stored = compressed.AsSpan(0, written);
                }
            }

            Span<byte> header = stackalloc byte[HeaderLength];
            BinaryPrimitives.WriteInt32LittleEndian(header, stored.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], bytes.Length);
            stream.Write(header);
            stream.Write(stored);
            return offset;
        }

        public void Flush() => stream.Flush(flushToDisk: true);

        public void Dispose() => stream.Dispose();
    }
}
