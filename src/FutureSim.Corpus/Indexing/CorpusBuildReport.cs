using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// What opening a corpus did and what the index holds. Counts of skipped and duplicate records describe
/// the whole index (every build and extension that made it), so a reused index still reports the bad
/// records it was built without.
/// </summary>
public sealed record CorpusBuildReport
{
    /// <summary>Whether the index was reused, extended or rebuilt.</summary>
    public required CorpusBuildMode Mode { get; init; }

    /// <summary>Why the index was rebuilt or extended, in words; null when it was reused.</summary>
    public string? Reason { get; init; }

    /// <summary>Articles indexed by this call (0 when reused).</summary>
    public required int DocumentsAdded { get; init; }

    /// <summary>Articles in the index.</summary>
    public required int DocumentCount { get; init; }

    /// <summary>FutureSim articles dropped as repeats of an earlier article (same id, else url, else title + content).</summary>
    public required int DuplicatesDropped { get; init; }

    /// <summary>How many invalid records were skipped (<see cref="InvalidRecordHandling.Skip"/>).</summary>
    public required int SkippedRecordCount { get; init; }

    /// <summary>The skipped records with file, line and problem; the first 1,000 when there were more.</summary>
    public required ImmutableArray<RecordError> SkippedRecords { get; init; }

    /// <summary>The identity of the index now open (as <see cref="LuceneCorpus.Identity"/>).</summary>
    public required CorpusIdentity Identity { get; init; }

    /// <summary>Article chunks sent to the embedding model by this call (0 when every vector was known).</summary>
    public int ChunksEmbedded { get; init; }

    /// <summary>Size of the committed index on disk, in bytes.</summary>
    public required long IndexBytes { get; init; }
}
