using Microsoft.Win32.SafeHandles;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The <see cref="DocumentMeta"/> of every index document, kept beside the index in one file of fixed-width
/// records ordered by the document's sequence number (the order in which it was added). Lucene's doc values
/// would cost a reflective memory estimate per added document; this file costs one positional write per
/// block of documents, and is read sequentially when the index is opened. Which Lucene document has which
/// sequence number is recorded in the index itself (<see cref="IndexSchema.Block"/>).
/// </summary>
internal static class DocumentMetaFile
{
    public const string FileName = "documents.dat";

    /// <summary>Reads the first <paramref name="count"/> records in order, a buffer at a time, handing each to <paramref name="visit"/> with its sequence number.</summary>
    /// <exception cref="InvalidDataException">The file holds fewer records.</exception>
    public static void Read(string path, int count, Action<int, DocumentMeta> visit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        var needed = (long)count * DocumentMeta.Length;
        if (RandomAccess.GetLength(handle) < needed)
        {
            throw new InvalidDataException($"the document table {path} holds fewer than {count} records");
        }

        var buffer = new byte[DocumentMeta.Length * 32_768];
        long offset = 0;
        var sequence = 0;
        while (sequence < count)
        {
            var length = (int)Math.Min(buffer.Length, needed - offset);
            var span = buffer.AsSpan(0, length);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, span[read..], offset + read);
                if (n == 0)
                {
                    throw new InvalidDataException($"the document table {path} ends early");
                }

                read += n;
            }

            for (var at = 0; at < length; at += DocumentMeta.Length, sequence++)
            {
                visit(sequence, DocumentMeta.Read(span.Slice(at, DocumentMeta.Length)));
            }

            offset += length;
        }
    }

    /// <summary>Writes records at their sequence numbers, from any thread; <see cref="Flush"/> makes them durable before the index commit that counts them.</summary>
    internal sealed class Writer : IDisposable
    {
        private readonly SafeFileHandle handle;

        /// <summary>Opens the file keeping its first <paramref name="committedCount"/> records; anything beyond (an uncommitted build) is cut off.</summary>
        public Writer(string path, int committedCount)
        {
            handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            RandomAccess.SetLength(handle, (long)committedCount * DocumentMeta.Length);
        }

        /// <summary>Writes consecutive records, the first being document <paramref name="firstSequence"/>. Thread-safe.</summary>
        public void Write(int firstSequence, ReadOnlySpan<byte> records) =>
            RandomAccess.Write(handle, records, (long)firstSequence * DocumentMeta.Length);

        public void Flush() => RandomAccess.FlushToDisk(handle);

        public void Dispose() => handle.Dispose();
    }
}
