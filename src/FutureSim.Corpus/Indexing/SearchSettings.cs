using FutureSim.Core.Articles;
using FutureSim.Corpus.Semantic;

namespace FutureSim.Corpus.Indexing;

/// <summary>How a corpus ranks: its default mode, the fusion constant and depth of hybrid search, and the embedding model of semantic and hybrid search.</summary>
public sealed record SearchSettings
{
    /// <summary>Keyword search only, no model: what a corpus opened without settings does.</summary>
    public static SearchSettings KeywordOnly { get; } = new();

    /// <summary>The mode of queries that name none.</summary>
    public SearchMode DefaultMode { get; init; } = SearchMode.Keyword;

    /// <summary>The <c>k</c> of reciprocal rank fusion (FutureSim's 60).</summary>
    public int RrfConstant { get; init; } = ReciprocalRankFusion.DefaultConstant;

    /// <summary>How many articles of each signal hybrid search fuses (at least the number of hits asked for).</summary>
    public int FusionDepth { get; init; } = 100;

    /// <summary>
    /// From how many chunks (index documents) on keyword search uses every core: the index's segments are
    /// searched in parallel groups and their top hits merged (the same results as one pass).
    /// </summary>
    public long ParallelFrom { get; init; } = 1_000_000;

    /// <summary>
    /// From how many chunks on semantic search uses the approximate index (<see cref="ClusteredDenseIndex"/>): for
    /// windows holding at least this many chunks, with centroids learnt from the first this many chunks in
    /// visibility order; smaller windows, and smaller corpora, are searched exactly.
    /// </summary>
    public int ApproximateFrom { get; init; } = 2_000_000;

    /// <summary>Clusters of the approximate index.</summary>
    public int ApproximateLists { get; init; } = 1024;

    /// <summary>Clusters the approximate index scans per query (more when they hold too few visible chunks).</summary>
    public int ApproximateProbes { get; init; } = 48;

    /// <summary>The model of semantic and hybrid search; null when only keyword search is available.</summary>
    public EmbeddingModel? Embeddings { get; init; }
}
