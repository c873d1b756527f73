using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Core.Locking;
using FutureSim.Corpus.Semantic;
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
/// <para>
/// Three modes rank (<see cref="SearchMode"/>): keyword (point-in-time BM25), semantic (the chunks' embeddings,
/// exact search over the visible ones, <see cref="DenseIndex"/>) and hybrid (reciprocal rank fusion of the two).
/// All three take the same arrival window, computed once from the instant and the query's dates, and rank
/// chunks inside it only; an article ranks by its best chunk.
/// </para>
/// </summary>
public sealed class LuceneCorpus : ITimeGatedCorpus
{
    /// <summary>The file in the index folder that one process at a time holds while it opens or builds the index.</summary>
    public const string BuildLockFile = "build.lock";

    /// <summary>Seeds the approximate index's sample and initial centroids.</summary>
    private const int ClusterSeed = 11;

    private readonly IndexSnapshot snapshot;
    private readonly SearchSignals signals;
    private bool disposed;

    internal LuceneCorpus(IndexSnapshot snapshot, CorpusIdentity identity, long indexBytes, SearchSignals? signals = null)
    {
        this.snapshot = snapshot;
        this.signals = signals ?? SearchSignals.KeywordOnly;
        var settings = this.signals.Settings;
        Identity = identity with
        {
            SearchMode = settings.DefaultMode,
            EmbeddingModel = settings.Embeddings?.Id,
            ApproximateSearch = this.signals.Approximate is { } approximate
                ? FormattableString.Invariant($"clustered: {approximate.Lists} lists, {settings.ApproximateProbes} probed, for windows of at least {approximate.TrainingCount} chunks")
                : null,
        };
        IndexBytes = indexBytes;
    }

    /// <summary>The fingerprint, policy and article count of the open index.</summary>
    public CorpusIdentity Identity { get; }

    internal int SegmentCount => snapshot.Segments.Count;

    /// <summary>The open index, for tests of the search itself.</summary>
    internal IndexSnapshot Snapshot => snapshot;

    /// <summary>True when every segment is in visibility order, so that searches gate it by a range of document numbers.</summary>
    internal bool SegmentsInVisibilityOrder => snapshot.Segments.All(s => s.InVisibilityOrder);

    /// <summary>Size of the committed index on disk, in bytes.</summary>
    public long IndexBytes { get; }

    /// <summary>The corpus as it stood at <paramref name="asOf"/> (any offset; compared in UTC).</summary>
    public ICorpusView At(DateTimeOffset asOf)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return new LuceneCorpusView(snapshot, signals, asOf);
    }

    /// <summary>Chunks with a vector, and their bytes in memory; zeros when the corpus has no embedding model.</summary>
    public (int Chunks, long Bytes) VectorCount => signals.Dense is { } dense ? (dense.Count, dense.Bytes) : (0, 0);

    /// <summary>
    /// Opens the corpus as <see cref="OpenOrBuild"/> does, then, when <paramref name="search"/> names an embedding
    /// model, gives every chunk its vector: from the vector file beside the index (<c>vectors/</c>), the model's
    /// seed files, or the model itself for chunks never embedded (see <see cref="SemanticIndexBuilder"/>). Processes
    /// embedding for the same index take turns, as they do building it.
    /// </summary>
    /// <exception cref="EmbeddingFailedException">The model failed or answered wrongly; the files on disk are as they were.</exception>
    public static async Task<CorpusOpenResult> OpenOrBuildAsync(
        string indexDirectory,
        IReadOnlyList<string> corpusPaths,
        VisibilityPolicy policy,
        InvalidRecordHandling handling,
        SearchSettings search,
        IProgress<CorpusBuildProgress>? progress,
        ILogger? logger,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.DefaultMode != SearchMode.Keyword && search.Embeddings is null)
        {
            throw new ArgumentException($"The default search mode {search.DefaultMode} needs an embedding model.", nameof(search));
        }

        var (corpus, report) = OpenOrBuild(indexDirectory, corpusPaths, policy, handling, progress, logger, ct);
        if (search.Embeddings is not { } model)
        {
            var keyword = new LuceneCorpus(corpus.snapshot, corpus.Identity, corpus.IndexBytes, new SearchSignals(search, null, null));
            return new CorpusOpenResult(keyword, report with { Identity = keyword.Identity });
        }

        try
        {
            // One process at a time embeds and writes the vector file; another waits, then finds the vectors written.
            var root = Path.GetFullPath(indexDirectory);
            var builder = new SemanticIndexBuilder(model, Path.Combine(root, "vectors"), logger ?? NullLogger.Instance);
            DenseIndex dense;
            int embedded;
            ClusteredDenseIndex? approximate = null;
            using (ExclusiveFile.Wait(Path.Combine(root, BuildLockFile), () => CorpusLog.WaitingForBuild(logger ?? NullLogger.Instance, root), ct))
            {
                (dense, embedded) = await builder.BuildAsync(corpus.snapshot, progress, ct).ConfigureAwait(false);
                if (dense.Count >= search.ApproximateFrom)
                {
                    // Clustered once and kept beside the vectors; reused while the vectors and the settings stay the same.
                    var path = ClusterFile.PathFor(builder.VectorPath, search.ApproximateLists, search.ApproximateFrom);
                    approximate = ClusterFile.OpenOrBuild(path, dense, search.ApproximateLists, ClusterSeed, search.ApproximateFrom, out var reused);
                    CorpusLog.Approximate(logger ?? NullLogger.Instance, path, reused ? "reused" : "clustered and written");
                }
            }

            var signals = new SearchSignals(search, dense, new QueryEmbedder(model, dense.Dimensions), approximate);
            var semantic = new LuceneCorpus(corpus.snapshot, corpus.Identity, corpus.IndexBytes, signals);
            return new CorpusOpenResult(semantic, report with { Identity = semantic.Identity, ChunksEmbedded = embedded });
        }
        catch
        {
            corpus.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The visibility instant the index stores for an article, read by id without any view's gate: for audits
    /// that check what views return (the retrieval benchmark's cutoff check); never handed to agents. Null for an
    /// id the index does not hold.
    /// </summary>
    public DateTimeOffset? StoredVisibleAt(ArticleId id)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        foreach (var (segment, doc) in snapshot.DocumentsWithIdHash(Loading.StableHash.Of(id.Value)))
        {
            if ((segment.LiveDocs is null || segment.LiveDocs.Get(doc)) && snapshot.LoadArticle(segment, doc).Id == id)
            {
                return new DateTimeOffset(segment.Ticks[doc], TimeSpan.Zero);
            }
        }

        return null;
    }

    /// <summary>
    /// Opens the index in <paramref name="indexDirectory"/> for the given corpus, building, extending or
    /// rebuilding it as needed (see the class remarks), and reports what was done. Processes that open the same index
    /// at once take turns (<see cref="BuildLockFile"/>): the first builds, the others wait and reuse its index.
    /// </summary>
    /// <param name="indexDirectory">A folder owned by the index: Lucene files go to its <c>lucene</c> subfolder, the manifest beside it.</param>
    /// <param name="corpusPaths">Corpus files and dated-tree folders; formats are detected (see <see cref="Loading.CorpusFiles"/>).</param>
    /// <param name="policy">How Wikipedia Current Events items with a first-seen time become visible.</param>
    /// <param name="handling">Whether a bad record stops the build or is skipped and reported.</param>
    /// <param name="progress">Told the file being read and the count of articles added, now and then.</param>
    /// <param name="logger">Receives what was decided and why; nothing when null.</param>
    /// <param name="ct">Cancels a build, or the wait for another process's; the index on disk is then left as it was before the call (or absent).</param>
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

        // One process at a time checks, builds or extends an index; another waits for it, then opens what it built.
        var root = Path.GetFullPath(indexDirectory);
        Directory.CreateDirectory(root);
        logger ??= NullLogger.Instance;
        using var building = ExclusiveFile.Wait(Path.Combine(root, BuildLockFile), () => CorpusLog.WaitingForBuild(logger, root), ct);
        var builder = new CorpusIndexBuilder(root, policy, handling, progress, logger, ct);
        return builder.OpenOrBuild(corpusPaths);
    }

    /// <summary>Closes the index. Views handed out earlier must not be used afterwards.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            snapshot.Dispose();
        }
    }
}
