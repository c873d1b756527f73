using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace FutureSim.Corpus.Indexing;

/// <summary>Lucene's BM25 (k1 = 1.2, b = 0.75), used for writing norms and for scoring, plus each term's score bound.</summary>
internal sealed class NewsSimilarity : BM25Similarity
{
    /// <summary>
    /// No document scores more than this for the term (query boost 1): BM25 scores a term
    /// <c>idf · (k1 + 1) · tf / (tf + k1 · (1 − b + b · dl / avgdl))</c>, and the fraction stays below 1.
    /// </summary>
    public float MaxScore(CollectionStatistics collection, TermStatistics term) =>
        Idf(term.DocFreq, collection.DocCount == -1 ? collection.MaxDoc : collection.DocCount) * (K1 + 1);
}
