using System.IO.Compression;

namespace FutureSim.Core.Input;

/// <summary>
/// Decompresses a gzip file and checks that it was read to its end: damaged data (a bad checksum, a corrupt block) and
/// a file cut off — even at a flush point, where decompression alone just stops early — are an
/// <see cref="InvalidInputException"/> naming the file and the byte offset, never a silently shorter input. The
/// length in the gzip trailer must match what was decompressed, so files of several gzip members are refused too.
/// </summary>
internal sealed class VerifiedGzipStream(FileStream file, string path) : Stream
{
    private const string Advice = "Restore the file from its source; or decompress what can be read (gzip -dc) and use the result, skipping its cut-off last line (--skip-invalid).";

    private readonly GZipStream inner = new(file, CompressionMode.Decompress);
    private long decompressed;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => decompressed;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Damaged($"the gzip data is damaged near byte {file.Position:N0} of {file.Length:N0}: a checksum or a compressed block does not match (the decompressor says: {e.Message.TrimEnd('.')})", e);
        }

        decompressed += read;
        if (read == 0 && buffer.Length > 0 && !ended)
        {
            ended = true;
            CheckTrailer();
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The trailer's last four bytes hold the decompressed length modulo 2³²: a file cut off ends in compressed data instead.</summary>
    private void CheckTrailer()
    {
        Span<byte> size = stackalloc byte[4];
        if (file.Length < 18 || RandomAccess.Read(file.SafeFileHandle, size, file.Length - 4) != 4
            || BitConverter.ToUInt32(size) != unchecked((uint)decompressed))
        {
            throw Damaged(
                $"the gzip file is cut off: decompression stopped at byte {file.Length:N0} (after {decompressed:N0} bytes of text) before the end of the gzip stream " +
                "(or the file holds several gzip members, which is not supported)",
                null);
        }
    }

    private InvalidInputException Damaged(string problem, Exception? inner) => new(new RecordError(path, 0, problem), Advice, inner);
}
