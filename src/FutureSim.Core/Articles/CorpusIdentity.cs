namespace FutureSim.Core.Articles;

/// <summary>
/// What an index was built from: a fingerprint over its source files and the visibility policy, and how it
/// ranks: the default search mode and, when vectors are used, the embedding model that made them.
/// </summary>
public sealed record CorpusIdentity(string Fingerprint, VisibilityPolicy Policy, int DocumentCount)
{
    /// <summary>The mode used when a query names none.</summary>
    public SearchMode SearchMode { get; init; } = SearchMode.Keyword;

    /// <summary>The embedding model of the article and query vectors (provider and model name), or null when the corpus has no vectors.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>How semantic search approximates at this size (clusters, probes, from how many chunks), or null when it is exact (left out of run manifests then).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ApproximateSearch { get; init; }
}
