using System.ComponentModel.DataAnnotations;
using FutureSim.Core.Articles;

namespace FutureSim.Cli.Configuration;

/// <summary>The <c>Search</c> section: how the corpus ranks for agents and the offline verbs, and the embedding model of semantic and hybrid search.</summary>
internal sealed class SearchOptions : IValidatableObject
{
    public const string SectionName = "Search";

    /// <summary>Keyword, Semantic or Hybrid.</summary>
    public SearchMode Mode { get; set; } = SearchMode.Keyword;

    /// <summary>The k of reciprocal rank fusion (FutureSim's 60).</summary>
    [Range(0, 10_000)]
    public int RrfConstant { get; set; } = 60;

    /// <summary>How many articles of each signal hybrid search fuses.</summary>
    [Range(1, 1000)]
    public int FusionDepth { get; set; } = 100;

    /// <summary>From how many chunks on keyword search uses every core.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "Search:ParallelFrom must be 0 or more (a number of chunks).")]
    public long ParallelFrom { get; set; } = 1_000_000;

    /// <summary>From how many chunks on semantic search uses the approximate (clustered) index.</summary>
    [Range(1, int.MaxValue)]
    public int ApproximateFrom { get; set; } = 2_000_000;

    /// <summary>Clusters of the approximate index.</summary>
    [Range(1, 65_536)]
    public int ApproximateLists { get; set; } = 1024;

    /// <summary>Clusters scanned per query.</summary>
    [Range(1, 65_536)]
    public int ApproximateProbes { get; set; } = 48;

    public EmbeddingOptions Embeddings { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Embeddings.Provider == EmbeddingProvider.OpenAI && (Embeddings.Endpoint is null || string.IsNullOrWhiteSpace(Embeddings.Model)))
        {
            yield return new ValidationResult("Search:Embeddings with Provider OpenAI needs an Endpoint (e.g. http://127.0.0.1:8000/v1) and a Model.");
        }

        if (Embeddings.BatchSize is < 1 or > 2048)
        {
            yield return new ValidationResult($"Search:Embeddings:BatchSize must be between 1 and 2048; got {Embeddings.BatchSize}.");
        }
    }
}

/// <summary>Where embeddings come from.</summary>
internal enum EmbeddingProvider
{
    /// <summary>The bundled CPU model (snowflake-arctic-embed-xs), offline.</summary>
    Local,

    /// <summary>An OpenAI-compatible <c>/embeddings</c> endpoint.</summary>
    OpenAI,
}

/// <summary>The <c>Search:Embeddings</c> subsection.</summary>
internal sealed class EmbeddingOptions
{
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>The endpoint's base URL (OpenAI provider).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The endpoint's model name (OpenAI provider), e.g. Qwen/Qwen3-Embedding-0.6B.</summary>
    public string? Model { get; set; }

    /// <summary>The environment variable holding the endpoint's key; none for local servers.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Put before every query; null means the local model's own instruction, or none for an endpoint.</summary>
    public string? QueryPrefix { get; set; }

    public string DocumentPrefix { get; set; } = "";

    /// <summary>Requested output dimensions (models that support shortening); null for the model's own.</summary>
    public int? Dimensions { get; set; }

    public int BatchSize { get; set; } = 64;

    public int MaxRetries { get; set; } = 4;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Read-only vector files consulted before the model (relative to the project root); by default <c>corpora/vectors/&lt;model&gt;.fsv</c>.</summary>
    public List<string>? SeedFiles { get; set; }
}
