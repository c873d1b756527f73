using FsCheck.Xunit;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// A segment written from an <see cref="InvertedBatch"/> holds exactly what Lucene's own inversion writes for the
/// same documents: the same fields, terms in the same order, the same postings and frequencies, the same norms.
/// </summary>
public sealed class InvertedBatchTests
{
    // Repeated words, accents, a ligature above the surrogates, and characters beyond the BMP, whose UTF-16
    // order differs from the UTF-8 order Lucene sorts terms in.
    private static readonly string[] Vocabulary =
    [
        "storm", "storms", "court", "élection", "ﬁre", "\uFFFDmark", "𝔘nicode", "\uE000private", "zeta", "a", "z9", "中国", "ceasefire",
    ];

    private static readonly FieldType LuceneTextType = Frozen(new FieldType { IsIndexed = true, IsTokenized = true, IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static readonly FieldType LuceneBlockType = Frozen(new FieldType { IsIndexed = true, IsTokenized = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY });

    /// <summary>
    /// Random documents of 0 to 60 terms in blocks of 1 to 5 documents, the first block numbered <paramref name="seed"/>-dependently;
    /// for an odd seed, no term has a character beyond the BMP (the batch then sorts terms by plain UTF-16 order).
    /// </summary>
    private static List<(string[] Terms, int Block)> Documents(int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = seed % 2 == 0 ? Vocabulary : [.. Vocabulary.Where(v => !v.Any(char.IsSurrogate))];
        var documents = new List<(string[], int)>();
        var block = random.Next(0, 1_000_000);
        var count = 1 + random.Next(120);
        while (documents.Count < count)
        {
            var size = 1 + random.Next(5);
            for (var i = 0; i < size; i++)
            {
                var terms = Enumerable.Range(0, random.Next(61))
                    .Select(_ => random.Next(8) == 0 ? $"t{random.Next(400)}" : vocabulary[random.Next(vocabulary.Length)])
                    .ToArray();
                documents.Add((terms, block));
            }

            block += size;
        }

        return documents;
    }

    [Property(MaxTest = 40)]
    public void TheSegmentWrittenFromABatchIsTheOneLuceneWritesForTheSameDocuments(int seed)
    {
        var documents = Documents(seed);
        using var lucene = LuceneInverted(documents);
        using var ours = BatchInverted(documents, new InvertedBatch(new NewsSimilarity()));

        AssertSameSegment(lucene, ours);
    }

    [Fact]
    public void ABatchClearedAfterWritingInvertsTheNextDocumentsAfresh()
    {
        var batch = new InvertedBatch(new NewsSimilarity());
        using (BatchInverted(Documents(1), batch))
        {
        }

        batch.Clear();
        var second = Documents(2);
        using var lucene = LuceneInverted(second);
        using var ours = BatchInverted(second, batch);

        AssertSameSegment(lucene, ours);
    }

    [Fact]
    public void ABatchCountsWhatItHoldsAndNothingOnceCleared()
    {
        var batch = new InvertedBatch(new NewsSimilarity());
        var terms = Buffer(["storm", "storm", "court"]);
        batch.Add(terms, 0);
        batch.Add(terms, 0);
        var held = batch.RamBytes;
        Assert.Equal(2, batch.Documents);
        Assert.True(held > 0);

        batch.Clear();
        Assert.Equal(0, batch.Documents);
        Assert.Equal(0, batch.RamBytes);
    }

    private static TokenBuffer Buffer(IEnumerable<string> terms)
    {
        var buffer = new TokenBuffer();
        foreach (var term in terms)
        {
            term.AsSpan().CopyTo(buffer.Reserve(term.Length));
            buffer.Commit(term.Length);
        }

        return buffer;
    }

    private static DirectoryReader LuceneInverted(List<(string[] Terms, int Block)> documents)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, Config()))
        {
            foreach (var group in documents.GroupBy(d => d.Block))
            {
                writer.AddDocuments(group.Select(d => (IEnumerable<IIndexableField>)
                [
                    new Field(IndexSchema.Text, new CannedTokens(d.Terms), LuceneTextType),
                    new Field(IndexSchema.Block, d.Block.ToString(System.Globalization.CultureInfo.InvariantCulture), LuceneBlockType),
                ]));
            }

            writer.Commit();
        }

        return DirectoryReader.Open(directory);
    }

    private static DirectoryReader BatchInverted(List<(string[] Terms, int Block)> documents, InvertedBatch batch)
    {
        foreach (var (terms, block) in documents)
        {
            batch.Add(Buffer(terms), block);
        }

        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, Config()))
        {
            using (var segment = batch.Seal())
            {
                writer.AddIndexes(segment);
            }

            writer.Commit();
        }

        return DirectoryReader.Open(directory);
    }

    private static IndexWriterConfig Config() => new(LuceneVersion.LUCENE_48, new NewsAnalyzer())
    {
        Similarity = new NewsSimilarity(),
        RAMBufferSizeMB = 64,
        MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
    };

    private static void AssertSameSegment(DirectoryReader expected, DirectoryReader actual)
    {
        var want = Assert.Single(expected.Leaves).AtomicReader;
        var got = Assert.Single(actual.Leaves).AtomicReader;
        Assert.Equal(want.MaxDoc, got.MaxDoc);
        Assert.Equal(Describe(want.FieldInfos), Describe(got.FieldInfos));
        foreach (var field in new[] { IndexSchema.Text, IndexSchema.Block })
        {
            Assert.Equal(Postings(want, field), Postings(got, field));
        }

        var wantNorms = want.GetNormValues(IndexSchema.Text);
        var gotNorms = got.GetNormValues(IndexSchema.Text);
        for (var doc = 0; doc < want.MaxDoc; doc++)
        {
            Assert.Equal(wantNorms.Get(doc), gotNorms.Get(doc));
        }

        Assert.Null(got.GetNormValues(IndexSchema.Block));
    }

    private static List<string> Describe(FieldInfos infos) =>
        [.. infos.Select(f => $"{f.Name} #{f.Number} {f.IndexOptions} norms={f.HasNorms} {f.NormType} vectors={f.HasVectors} payloads={f.HasPayloads}")];

    /// <summary>Every term of the field in index order, with its statistics and postings.</summary>
    private static List<string> Postings(AtomicReader reader, string field)
    {
        var lines = new List<string>();
        var terms = reader.GetTerms(field);
        lines.Add($"{terms.Count} terms, {terms.SumDocFreq} postings, {terms.SumTotalTermFreq} occurrences, {terms.DocCount} documents");
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            var line = new System.Text.StringBuilder($"{Convert.ToHexString(termsEnum.Term.Bytes, termsEnum.Term.Offset, termsEnum.Term.Length)} df={termsEnum.DocFreq} ttf={termsEnum.TotalTermFreq}:");
            docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                line.Append($" {docs.DocID}x{docs.Freq}");
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The given terms as a token stream, as Lucene's own inversion takes them.</summary>
    private sealed class CannedTokens : TokenStream
    {
        private readonly string[] terms;
        private readonly ICharTermAttribute term;
        private int next;

        public CannedTokens(string[] terms)
        {
            this.terms = terms;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= terms.Length)
            {
                return false;
            }

            ClearAttributes();
            term.SetEmpty().Append(terms[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
