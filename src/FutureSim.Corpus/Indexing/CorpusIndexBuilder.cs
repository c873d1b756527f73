using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace FutureSim.Corpus.Indexing;

/// <summary>Decides whether an index on disk can be reused, extended or must be rebuilt, and does it.</summary>
internal sealed class CorpusIndexBuilder(
    string indexDirectory,
    VisibilityPolicy policy,
    InvalidRecordHandling handling,
    IProgress<CorpusBuildProgress>? progress,
    ILogger logger,
    CancellationToken ct)
{
    private const string FingerprintKey = "futuresim.fingerprint";
    private const string DocumentsKey = "futuresim.documents";
    private const string StoreLengthKey = "futuresim.store-length";
    private const string ChunksKey = "futuresim.chunks";
    private const int LoggedSkips = 20;
    private const int ProgressEvery = 16_384;

    private string LucenePath => Path.Combine(indexDirectory, "lucene");

    private string PartsPath => Path.Combine(indexDirectory, "lucene-parts");

    private string ManifestPath => Path.Combine(indexDirectory, IndexManifest.FileName);

    private string StorePath => Path.Combine(indexDirectory, ArticleStore.FileName);

    private string MetaPath => Path.Combine(indexDirectory, DocumentMetaFile.FileName);

    public CorpusOpenResult OpenOrBuild(IReadOnlyList<string> corpusPaths)
    {
        var files = corpusPaths.SelectMany(CorpusFiles.Expand).ToList();
        var prior = IndexManifest.TryRead(ManifestPath, out var reason);
        if (prior is null && files.Count == 1)
        {
            // No index to compare with and no other file that could have the same content: hash the file while it is indexed.
            var file = files[0];
            var hashing = Task.Run(() => CurrentStates(files, prior: null), ct);
            return Rebuild(new Identity(() => hashing.GetAwaiter().GetResult(), Fingerprint), [file], reason);
        }

        var states = CurrentStates(files, prior);
        var fingerprint = Fingerprint(states);

        if (prior is not null)
        {
            reason = prior.Schema != IndexSchema.Version ? $"the index schema changed (version {prior.Schema} → {IndexSchema.Version})"
                : prior.Policy != policy ? $"the visibility policy changed ({prior.Policy} → {policy})"
                : "";
        }

        if (prior is not null && reason.Length == 0 && TryOpen(prior, out reason) is { } existing)
        {
            var current = states.Select(s => s.Sha256).ToHashSet(StringComparer.Ordinal);
            if (prior.Files.FirstOrDefault(f => !current.Contains(f.Sha256)) is { } gone)
            {
                existing.Dispose();
                reason = $"corpus file {gone.Path} changed or was removed";
            }
            else if (handling == InvalidRecordHandling.Fail && prior.Skipped.Count > 0)
            {
                // Failing on bad records means failing on those the index was built without, too.
                existing.Dispose();
                throw new InvalidInputException(
                    prior.Skipped[0],
                    $"The index was built skipping {prior.SkippedCount} invalid record(s): fix them, or skip invalid records (--skip-invalid).");
            }
            else if (prior.Files.Count == current.Count)
            {
                return Reuse(existing, prior);
            }
            else
            {
                var known = prior.Files.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
                return Extend(existing, prior, states, [.. states.Where(s => !known.Contains(s.Sha256))], fingerprint);
            }
        }

        return Rebuild(new Identity(states, fingerprint), [.. states.Select(s => s.ToCorpusFile())], reason);
    }

    private List<CorpusFileState> CurrentStates(List<CorpusFile> files, IndexManifest? prior)
    {
        var previous = (prior?.Files ?? []).ToDictionary(f => f.Path, StringComparer.Ordinal);
        var states = new List<CorpusFileState>();
        var bySha = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var state = CorpusFileState.Of(file, previous, ct);
            if (bySha.TryGetValue(state.Sha256, out var first))
            {
                CorpusLog.DuplicateFile(logger, file.Path, first);
                continue;
            }

            bySha[state.Sha256] = file.Path;
            states.Add(state);
        }

        return states;
    }

    /// <summary>SHA-256 over the schema version, the policy and the sorted content hashes of the corpus files.</summary>
    private string Fingerprint(List<CorpusFileState> states)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"futuresim-corpus\nschema {IndexSchema.Version}\npolicy {policy}\n");
        foreach (var sha in states.Select(s => s.Sha256).Order(StringComparer.Ordinal))
        {
            text.Append(sha).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Opens the existing index if every check passes; otherwise null and why.</summary>
    private IndexSnapshot? TryOpen(IndexManifest prior, out string problem)
    {
        foreach (var (name, length) in prior.IndexFiles)
        {
            var path = Path.Combine(LucenePath, name);
            if (!File.Exists(path))
            {
                problem = $"index file {name} is missing";
                return null;
            }

            if (new FileInfo(path).Length != length)
            {
                problem = $"index file {name} has the wrong size";
                return null;
            }
        }

        IndexSnapshot? snapshot = null;
        try
        {
            if (!File.Exists(StorePath) || new FileInfo(StorePath).Length < prior.StoreBytes)
            {
                problem = "the article store is missing or truncated";
                return null;
            }

            snapshot = IndexSnapshot.Open(new MMapDirectory(new DirectoryInfo(LucenePath)), StorePath, MetaPath);
            var data = snapshot.Reader.IndexCommit.UserData;
            if (!data.TryGetValue(FingerprintKey, out var fingerprint) || fingerprint != prior.Fingerprint
                || !data.TryGetValue(DocumentsKey, out var documents) || documents != prior.Documents.ToString(CultureInfo.InvariantCulture)
                || !data.TryGetValue(StoreLengthKey, out var storeLength) || storeLength != prior.StoreBytes.ToString(CultureInfo.InvariantCulture)
                || !data.TryGetValue(ChunksKey, out var chunks) || chunks != snapshot.ChunkCount.ToString(CultureInfo.InvariantCulture)
                || snapshot.DocumentCount != prior.Documents)
            {
                snapshot.Dispose();
                problem = "the index does not match its manifest";
                return null;
            }

            problem = "";
            return snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever Lucene throws on a damaged index (missing or truncated files, bad checksums), the answer is the same: rebuild.
            snapshot?.Dispose();
            problem = $"the index cannot be opened ({e.GetType().Name}: {e.Message})";
            return null;
        }
    }

    private CorpusOpenResult Reuse(IndexSnapshot snapshot, IndexManifest manifest)
    {
        CorpusLog.Reused(logger, indexDirectory, manifest.Documents, manifest.Fingerprint);
        return Open(snapshot, manifest, CorpusBuildMode.Reused, reason: null, added: 0);
    }

    private CorpusOpenResult Extend(IndexSnapshot existing, IndexManifest prior, List<CorpusFileState> all, List<CorpusFileState> added, string fingerprint)
    {
        var reason = $"{added.Count} corpus file(s) added";
        CorpusLog.Extending(logger, indexDirectory, reason);
        var reader = new CorpusReader(policy, handling);
        foreach (var idHash in existing.IdHashes)
        {
            reader.MarkSeen(idHash);
        }

        var documents = existing.DocumentCount;
        var chunks = existing.ChunkCount;
        existing.Dispose();
        return Write(reader, new Identity(all, fingerprint), [.. added.Select(s => s.ToCorpusFile())], documents, chunks, prior, CorpusBuildMode.Extended, reason);
    }

    private CorpusOpenResult Rebuild(Identity identity, List<CorpusFile> files, string reason)
    {
        CorpusLog.Rebuilding(logger, indexDirectory, files.Count, reason);
        System.IO.Directory.CreateDirectory(indexDirectory);
        File.Delete(ManifestPath);
        File.Delete(StorePath);
        File.Delete(MetaPath);
        if (System.IO.Directory.Exists(LucenePath))
        {
            System.IO.Directory.Delete(LucenePath, recursive: true);
        }

        System.IO.Directory.CreateDirectory(LucenePath);
        return Write(new CorpusReader(policy, handling), identity, files, 0, 0, prior: null, CorpusBuildMode.Rebuilt, reason);
    }

    /// <summary>
    /// Indexes <paramref name="toIndex"/> into a new index (no <paramref name="prior"/>) or the committed one, commits
    /// with the corpus's <paramref name="identity"/> (its files' states and fingerprint), and opens the result.
    /// </summary>
    private CorpusOpenResult Write(
        CorpusReader reader,
        Identity identity,
        List<CorpusFile> toIndex,
        int existingDocuments,
        int existingChunks,
        IndexManifest? prior,
        CorpusBuildMode mode,
        string reason)
    {
        int added;
        long storeBytes;
        DocumentTable? table = null;
        using (var writer = new ArticleIndexWriter(
            LucenePath, PartsPath, create: prior is null, reader, StorePath, prior?.StoreBytes ?? 0, MetaPath, existingChunks, ArticleIndexWriter.DefaultThreads))
        {
            for (var i = 0; i < toIndex.Count; i++)
            {
                var file = toIndex[i];
                var number = i + 1;
                var reported = 0;
                progress?.Report(new CorpusBuildProgress(file.Path, number, toIndex.Count, writer.Added));
                writer.AddFile(file, () =>
                {
                    ct.ThrowIfCancellationRequested();
                    if (progress is not null && writer.Added - reported >= ProgressEvery)
                    {
                        reported = writer.Added;
                        progress.Report(new CorpusBuildProgress(file.Path, number, toIndex.Count, reported));
                    }
                });
                ct.ThrowIfCancellationRequested();
            }

            // While the last segments are written, this thread reads the finished document table and readies the manifest's serializer.
            writer.Finish(() =>
            {
                table = DocumentTable.Read(MetaPath, writer.Documents);
                IndexManifest.PrepareSerializer();
            });
            added = writer.Added;
            storeBytes = writer.StoreLength;
            writer.Commit(new Dictionary<string, string>
            {
                [FingerprintKey] = identity.Fingerprint,
                [DocumentsKey] = (existingDocuments + added).ToString(CultureInfo.InvariantCulture),
                [StoreLengthKey] = storeBytes.ToString(CultureInfo.InvariantCulture),
                [ChunksKey] = writer.Documents.ToString(CultureInfo.InvariantCulture),
            });
        }

        LogSkipped(reader.SkippedRecords);
        var snapshot = IndexSnapshot.Open(new MMapDirectory(new DirectoryInfo(LucenePath)), StorePath, table!);
        var skipped = (prior?.Skipped ?? []).Concat(reader.SkippedRecords).Take(IndexManifest.MaxSkippedKept).ToList();
        var manifest = new IndexManifest
        {
            Schema = IndexSchema.Version,
            Policy = policy,
            Fingerprint = identity.Fingerprint,
            Documents = snapshot.DocumentCount,
            DuplicatesDropped = (prior?.DuplicatesDropped ?? 0) + reader.DuplicatesDropped,
            SkippedCount = (prior?.SkippedCount ?? 0) + reader.SkippedRecords.Count,
            Skipped = skipped,
            StoreBytes = storeBytes,
            Files = identity.Files,
            IndexFiles = snapshot.Reader.IndexCommit.FileNames.ToDictionary(
                name => name, name => new FileInfo(Path.Combine(LucenePath, name)).Length, StringComparer.Ordinal),
        };
        manifest.Write(ManifestPath);
        CorpusLog.Built(logger, indexDirectory, manifest.Documents, added, manifest.SkippedCount, manifest.DuplicatesDropped);
        return Open(snapshot, manifest, mode, reason, added);
    }

    private static CorpusOpenResult Open(IndexSnapshot snapshot, IndexManifest manifest, CorpusBuildMode mode, string? reason, int added)
    {
        var identity = new CorpusIdentity(manifest.Fingerprint, manifest.Policy, manifest.Documents);
        var bytes = manifest.IndexFiles.Values.Sum() + manifest.StoreBytes + ((long)snapshot.ChunkCount * DocumentMeta.Length);
        var report = new CorpusBuildReport
        {
            Mode = mode,
            Reason = reason,
            DocumentsAdded = added,
            DocumentCount = manifest.Documents,
            DuplicatesDropped = manifest.DuplicatesDropped,
            SkippedRecordCount = manifest.SkippedCount,
            SkippedRecords = [.. manifest.Skipped],
            Identity = identity,
            IndexBytes = bytes,
        };
        return new CorpusOpenResult(new LuceneCorpus(snapshot, identity, bytes), report);
    }

    private void LogSkipped(IReadOnlyList<RecordError> skipped)
    {
        foreach (var error in skipped.Take(LoggedSkips))
        {
            CorpusLog.SkippedRecord(logger, error.ToString());
        }

        if (skipped.Count > LoggedSkips)
        {
            CorpusLog.MoreSkipped(logger, skipped.Count - LoggedSkips);
        }
    }

    /// <summary>What an index is built from: the corpus files' states and their fingerprint, known from the start or once the files are hashed.</summary>
    private sealed class Identity
    {
        private readonly Lazy<(List<CorpusFileState> Files, string Fingerprint)> value;

        public Identity(List<CorpusFileState> files, string fingerprint)
        {
            value = new(() => (files, fingerprint));
        }

        public Identity(Func<List<CorpusFileState>> hash, Func<List<CorpusFileState>, string> fingerprint)
        {
            value = new(() =>
            {
                var files = hash();
                return (files, fingerprint(files));
            });
        }

        public List<CorpusFileState> Files => value.Value.Files;

        public string Fingerprint => value.Value.Fingerprint;
    }
}
