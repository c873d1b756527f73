using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// A time-gated corpus backed by a Lucene index on disk, ranked with BM25.
/// <para>
/// The index is built once and reused until its inputs change: <see cref="OpenOrBuild"/> compares a
/// fingerprint (content hashes of the corpus files, the visibility policy and the index schema version)
/// with the one stored beside the index. Added files extend the index; changed or removed files, another
/// policy or schema, and a missing, inconsistent or corrupt index make it rebuild from scratch.
/// </para>
/// <para>
/// Views (<see cref="At"/>) enforce the gate: every search and fetch sees only articles with
/// <c>VisibleAt &lt;= asOf</c>, the visibility filter is applied before top-k, and BM25 statistics are
/// those of the visible articles only (see <see cref="PointInTimeSearch"/>). The corpus and its views
/// are thread-safe; all views share one index reader.
/// </para>
/// </summary>
public sealed class LuceneCorpus : ITimeGatedCorpus
{
    private readonly IndexSnapshot snapshot;
    private bool disposed;

    internal LuceneCorpus(IndexSnapshot snapshot, CorpusIdentity identity, long indexBytes)
    {
        this.snapshot = snapshot;
        Identity = identity;
        IndexBytes = indexBytes;
    }

    public CorpusIdentity Identity { get; }

    /// <summary>Size of the committed index on disk, in bytes.</summary>
    public long IndexBytes { get; }

    /// <summary>The corpus as it stood at <paramref name="asOf"/> (any offset; compared in UTC).</summary>
    public ICorpusView At(DateTimeOffset asOf)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new LuceneCorpusView(snapshot, asOf);
    }

    /// <summary>
    /// Opens the index in <paramref name="indexDirectory"/> for the given corpus, building, extending or
    /// rebuilding it as needed (see the class remarks), and reports what was done.
    /// </summary>
    /// <param name="indexDirectory">A folder owned by the index: Lucene files go to its <c>lucene</c> subfolder, the manifest beside it.</param>
    /// <param name="corpusPaths">Corpus files and dated-tree folders; formats are detected (see <see cref="Loading.CorpusFiles"/>).</param>
    /// <param name="policy">How Wikipedia Current Events items with a first-seen time become visible.</param>
    /// <param name="handling">Whether a bad record stops the build or is skipped and reported.</param>
    /// <param name="progress">Told the file being read and the count of articles added, now and then.</param>
    /// <param name="logger">Receives what was decided and why; nothing when null.</param>
    /// <param name="ct">Cancels a build; the index on disk is then left as it was before the call (or absent).</param>
    /// <exception cref="InvalidInputException">A corpus path is missing or unreadable, or a bad record was met with <see cref="InvalidRecordHandling.Fail"/>.</exception>
    public static CorpusOpenResult OpenOrBuild(
        string indexDirectory,
        IReadOnlyList<string> corpusPaths,
        VisibilityPolicy policy,
        InvalidRecordHandling handling,
        IProgress<CorpusBuildProgress>? progress,
        ILogger? logger,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexDirectory);
        ArgumentNullException.ThrowIfNull(corpusPaths);
        if (corpusPaths.Count == 0)
        {
            throw new ArgumentException("Give at least one corpus file or folder.", nameof(corpusPaths));
        }

        var builder = new CorpusIndexBuilder(Path.GetFullPath(indexDirectory), policy, handling, progress, logger ?? NullLogger.Instance, ct);
        return builder.OpenOrBuild(corpusPaths);
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            snapshot.Dispose();
        }
    }
}
