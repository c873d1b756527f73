using System.Buffers;

namespace FutureSim.Core.Input;

/// <summary>
/// Streams the lines of a JSON Lines file, plain or gzip (detected by its magic bytes, not its name; a damaged or
/// cut-off archive is an <see cref="InvalidInputException"/>), without holding the file in memory. A UTF-8 byte-order
/// mark at the start is skipped. Blank lines are skipped; line numbers count them.
/// </summary>
public static class JsonLinesFile
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Opens a file for reading, decompressing gzip transparently.</summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new BufferedStream(new VerifiedGzipStream(file, path), ChunkSize)
            : file;
    }

    /// <summary>
    /// Every non-blank line of the file. The memory of a yielded line is reused for the next one:
    /// parse it before moving on. A trailing line without a newline is yielded too; callers that must
    /// tell a cut-off last line apart use <see cref="ReadLines(Stream, Action{long})"/>.
    /// </summary>
    public static IEnumerable<JsonLine> ReadLines(string path)
    {
        using var stream = OpenRead(path);
        foreach (var line in ReadLines(stream, onUnterminatedLastLine: null))
        {
            yield return line;
        }
    }

    /// <summary>The lines of a stream; <paramref name="onUnterminatedLastLine"/> is told the number of a last line that has no newline.</summary>
    public static IEnumerable<JsonLine> ReadLines(Stream stream, Action<long>? onUnterminatedLastLine)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var start = 0;
            var end = 0;
            long lineNumber = 0;
            long consumed = 0; // bytes of the data before buffer[0]
            var atStart = true;
            while (true)
            {
                if (atStart && end >= 3)
                {
                    atStart = false;
                    if (buffer.AsSpan(0, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        start = 3;
                    }
                }

                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    lineNumber++;
                    var length = newline - start;
                    if (length > 0 && buffer[newline - 1] == (byte)'\r')
                    {
                        length--;
                    }

                    if (!IsBlank(buffer.AsSpan(start, length)))
                    {
                        yield return new JsonLine(lineNumber, buffer.AsMemory(start, length), consumed + newline + 1);
                    }

                    start = newline + 1;
                    continue;
                }

                // No complete line in the buffer: compact, grow if one line fills it, and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    consumed += start;
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    if (end > start && !IsBlank(buffer.AsSpan(start, end - start)))
                    {
                        lineNumber++;
                        onUnterminatedLastLine?.Invoke(lineNumber);
                        yield return new JsonLine(lineNumber, buffer.AsMemory(start, end - start), consumed + end);
                    }

                    yield break;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
