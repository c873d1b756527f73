namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The fields of an index document, which is one chunk of an article (<see cref="Text.ArticleChunks"/>). One searchable field keeps BM25 statistics simple: the title,
/// the topics and the body are analysed together into <see cref="Text"/>. Everything the gate, the
/// point-in-time statistics and fetching need per document is one fixed-width record of the
/// <see cref="DocumentMetaFile"/>, found through <see cref="Block"/>; the articles themselves live in the <see cref="ArticleStore"/>.
/// </summary>
internal static class IndexSchema
{
    /// <summary>Bumped whenever analysis, fields or stored form change; part of the corpus fingerprint, so old indexes are rebuilt.</summary>
    public const int Version = 4; // 2: strict titles taken from the wording first seen; 3: long articles indexed as chunks; 4: document records beside the index

    /// <summary>The searchable terms (frequencies and norms, no positions).</summary>
    public const string Text = "text";

    /// <summary>
    /// One term per document: the sequence number of the first document of the block it was added with
    /// (<see cref="IndexingBlock"/>), in invariant decimal. A block's documents stay consecutive and in order
    /// within a segment through flushes and merges, so the n-th posting of a block's term in a segment is the
    /// document with sequence number block + n, whose record is the n-th of the block in the document table.
    /// </summary>
    public const string Block = "block";
}
