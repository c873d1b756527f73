using FsCheck;
using FsCheck.Xunit;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>The term scorer that search uses gives exactly Lucene's BM25 scores: same bits, every norm, any statistics.</summary>
public sealed class NewsSimilarityTests : IDisposable
{
    private const int Documents = 600;

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;

    /// <summary>Documents of 1 to 600 words, so their norms take every value a length can give.</summary>
    public NewsSimilarityTests()
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new NewsAnalyzer()) { Similarity = new NewsSimilarity() };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var length = 1; length <= Documents; length++)
            {
                writer.AddDocument([new TextField(IndexSchema.Text, string.Join(' ', Enumerable.Repeat("storm", length)), Field.Store.NO)]);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    [Property(MaxTest = 60)]
    public void EveryScoreHasTheBitsOfLucenesBm25Scorer(PositiveInt documents, PositiveInt averageLength, PositiveInt docFreq, bool unknownDocCount)
    {
        var docCount = documents.Get;
        var collection = new CollectionStatistics(IndexSchema.Text, docCount + 5, unknownDocCount ? -1 : docCount, (long)docCount * averageLength.Get, docCount);
        var term = new TermStatistics(new BytesRef("storm"), Math.Min(docFreq.Get, docCount), Math.Min(docFreq.Get, docCount));
        var similarity = new NewsSimilarity();
        var weight = similarity.ComputeWeight(1f, collection, term);
        weight.GetValueForNormalization();
        weight.Normalize(1f, 1f);
        var leaf = reader.Leaves.Single();
        var lucene = similarity.GetSimScorer(weight, leaf);
        var norms = leaf.AtomicReader.GetNormValues(IndexSchema.Text)!;

        var ours = similarity.Scorer(collection, term);

        for (var doc = 0; doc < Documents; doc++)
        {
            foreach (var freq in new[] { 1, 2, 3, 4, 5, 7, 10, 16, 25, 60, 150, 600, 5000 })
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(lucene.Score(doc, freq)), BitConverter.SingleToInt32Bits(ours.Score(freq, (byte)norms.Get(doc))));
            }
        }
    }
}
