using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace FutureSim.Corpus.Indexing;

/// <summary>Lucene's BM25 (k1 = 1.2, b = 0.75), used for writing norms and for scoring, plus each term's score bound.</summary>
internal sealed class NewsSimilarity : BM25Similarity
{
    private readonly float[] lengths;

    public NewsSimilarity()
    {
        lengths = new float[256];
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = DecodeNormValue((byte)i);
        }
    }

    /// <summary>The document length a norm stands for, as BM25 reads it.</summary>
    public float LengthOf(byte norm) => lengths[norm];

    /// <summary>
    /// The scorer of one term under the given statistics: Lucene's BM25 scorer (query boost 1) step for step —
    /// the same idf, average length and per-norm table, the same float operations in the same order, so every
    /// score is bit for bit the one Lucene's <see cref="Similarity.SimScorer"/> gives — but reading the
    /// document's norm from an array instead of through the index.
    /// </summary>
    public TermScorer Scorer(CollectionStatistics collection, TermStatistics term)
    {
        var idf = Idf(term.DocFreq, collection.MaxDoc);
        var averageLength = AvgFieldLength(collection);
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = K1 * ((1 - B) + (B * DecodeNormValue((byte)i) / averageLength));
        }

        // Lucene's weight is idf times the boost (1), times k1 + 1 in the scorer.
        return new TermScorer(idf * (K1 + 1), table, K1);
    }

    /// <summary>
    /// No document scores more than this for the term (query boost 1): BM25 scores a term
    /// <c>idf · (k1 + 1) · tf / (tf + k1 · (1 − b + b · dl / avgdl))</c>, and the fraction stays below 1.
    /// </summary>
    public float MaxScore(CollectionStatistics collection, TermStatistics term) =>
        Idf(term.DocFreq, collection.MaxDoc) * (K1 + 1);
}

/// <summary>BM25 for one term: <c>weight · tf / (tf + table[norm])</c>, with <see cref="NoNorms"/> in place of the table's value when the segment has no norms.</summary>
internal sealed class TermScorer(float weight, float[] table, float noNorms)
{
    public float NoNorms { get; } = noNorms;

    public float Score(float freq, byte norm) => weight * freq / (freq + table[norm]);

    public float ScoreWithoutNorms(float freq) => weight * freq / (freq + NoNorms);
}
