using Microsoft.Extensions.AI;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// An embedding model as the corpus uses it: the generator, the identity recorded with the vectors (index
/// identity and run manifest), the instruction prefixes of queries and documents, and where vectors made
/// earlier may already be found.
/// </summary>
public sealed record EmbeddingModel
{
    /// <summary>Names the model and its provider, e.g. <c>local:snowflake-arctic-embed-xs</c>; vectors of different ids are never mixed.</summary>
    public required string Id { get; init; }

    public required IEmbeddingGenerator<string, Embedding<float>> Generator { get; init; }

    /// <summary>Where the vectors come from, for error messages (an endpoint's URL, or the local model's package).</summary>
    public required string Source { get; init; }

    /// <summary>Put before every query (e.g. Qwen3-Embedding's <c>Instruct: …\nQuery: </c>).</summary>
    public string QueryPrefix { get; init; } = "";

    /// <summary>Put before every article chunk.</summary>
    public string DocumentPrefix { get; init; } = "";

    /// <summary>Texts per request to the generator.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Read-only vector files of this model (e.g. the bundled corpus's, shipped in <c>corpora/vectors</c>) consulted before embedding.</summary>
    public IReadOnlyList<string> SeedFiles { get; init; } = [];

    /// <summary>The file name of this model's vectors: the id with anything but letters, digits, '.' and '-' replaced by '_'.</summary>
    public string FileName => string.Concat(Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')) + ".fsv";
}
