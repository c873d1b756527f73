using FutureSim.Corpus.Semantic;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// What an open corpus ranks with: its settings and, when it has an embedding model, the chunks' vectors, the
/// approximate index over them when the corpus is large enough (<see cref="SearchSettings.ApproximateFrom"/>), and the query embedder.
/// </summary>
internal sealed record SearchSignals(SearchSettings Settings, DenseIndex? Dense, QueryEmbedder? Queries, ClusteredDenseIndex? Approximate = null)
{
    public static SearchSignals KeywordOnly { get; } = new(SearchSettings.KeywordOnly, null, null);

    public bool HasSemantic => Dense is not null && Queries is not null;
}
