using System.Security.Cryptography;
using FutureSim.Corpus.Loading;

namespace FutureSim.Corpus.Indexing;

/// <summary>A corpus file as the index saw it: its content hash, and the size and time it had when hashed.</summary>
internal sealed record CorpusFileState(string Path, CorpusFormat Format, long Length, long ModifiedTicks, string Sha256)
{
    /// <summary>
    /// The state of <paramref name="file"/> now. The content hash of a previous state is reused when the path,
    /// size and modification time are all unchanged; otherwise the file is hashed again.
    /// </summary>
    public static CorpusFileState Of(CorpusFile file, IReadOnlyDictionary<string, CorpusFileState> previous, CancellationToken ct)
    {
        var info = new FileInfo(file.Path);
        var length = info.Length;
        var modified = info.LastWriteTimeUtc.Ticks;
        if (previous.TryGetValue(file.Path, out var known) && known.Length == length && known.ModifiedTicks == modified && known.Format == file.Format)
        {
            return known;
        }

        ct.ThrowIfCancellationRequested();
        using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new CorpusFileState(file.Path, file.Format, length, modified, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public CorpusFile ToCorpusFile() => new(Path, Format);
}
