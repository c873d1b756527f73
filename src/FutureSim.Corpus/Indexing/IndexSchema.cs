namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The fields of an index document, which is one chunk of an article (<see cref="Text.ArticleChunks"/>). One searchable field keeps BM25 statistics simple: the title,
/// the topics and the body are analysed together into <see cref="Text"/>. Everything the gate, the
/// point-in-time statistics and fetching need per document sits in one fixed-width doc-values field,
/// <see cref="Meta"/>; the articles themselves live in the <see cref="ArticleStore"/>.
/// </summary>
internal static class IndexSchema
{
    /// <summary>Bumped whenever analysis, fields or stored form change; part of the corpus fingerprint, so old indexes are rebuilt.</summary>
    public const int Version = 3; // 2: strict titles taken from the wording first seen; 3: long articles indexed as chunks

    /// <summary>The searchable terms (frequencies and norms, no positions).</summary>
    public const string Text = "text";

    /// <summary>Binary doc values, <see cref="DocumentMeta.Length"/> bytes each (<see cref="DocumentMeta"/>).</summary>
    public const string Meta = "meta";
}
