using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// One field of a <see cref="SealedSegment"/>: its terms as UTF-8, in Lucene's order, and for the term of
/// rank r the postings <c>Docs[Starts[r] .. Starts[r + 1])</c> in document order with their frequencies.
/// </summary>
internal sealed record SealedField(byte[][] Terms, int[] Starts, int[] Docs, int[] Freqs);

/// <summary>
/// An <see cref="InvertedBatch"/> presented to Lucene as a read-only segment with no deletions, no stored fields
/// and no positions: the searchable field with its norms, and the <see cref="IndexSchema.Block"/> field. It is
/// read once, in order, by <see cref="IndexWriter.AddIndexes(IndexReader[])"/>, which writes it out with the
/// index's codec; seeking is supported for completeness.
/// </summary>
internal sealed class SealedSegment : AtomicReader
{
    // The field numbers Lucene gives the fields when a document carries them in this order.
    private static readonly FieldInfos Infos = new(
    [
        new FieldInfo(IndexSchema.Text, indexed: true, 0, storeTermVector: false, omitNorms: false, storePayloads: false, IndexOptions.DOCS_AND_FREQS, DocValuesType.NONE, DocValuesType.NUMERIC, null),
        new FieldInfo(IndexSchema.Block, indexed: true, 1, storeTermVector: false, omitNorms: true, storePayloads: false, IndexOptions.DOCS_ONLY, DocValuesType.NONE, DocValuesType.NONE, null),
    ]);

    private readonly int documents;
    private readonly SealedFields fields;
    private readonly NormValues norms;

    public SealedSegment(int documents, SealedField text, SealedField block, long[] norms)
    {
        this.documents = documents;
        fields = new SealedFields(new SealedTerms(text, hasFreqs: true), new SealedTerms(block, hasFreqs: false));
        this.norms = new NormValues(norms);
    }

    public override Fields Fields => fields;

    public override FieldInfos FieldInfos => Infos;

    public override IBits LiveDocs => null!;

    public override int NumDocs => documents;

    public override int MaxDoc => documents;

    public override NumericDocValues GetNormValues(string field) => field == IndexSchema.Text ? norms : null!;

    public override NumericDocValues GetNumericDocValues(string field) => null!;

    public override BinaryDocValues GetBinaryDocValues(string field) => null!;

    public override SortedDocValues GetSortedDocValues(string field) => null!;

    public override SortedSetDocValues GetSortedSetDocValues(string field) => null!;

    public override IBits GetDocsWithField(string field) => null!;

    public override Fields GetTermVectors(int docID) => null!;

    public override void Document(int docID, StoredFieldVisitor visitor)
    {
        // No stored fields: the articles live in the ArticleStore.
    }

    public override void CheckIntegrity()
    {
        // Nothing on disk to check.
    }

    protected override void DoClose()
    {
    }

    private sealed class SealedFields(SealedTerms text, SealedTerms block) : Fields
    {
        // Field names in order, as Lucene lists them.
        private static readonly string[] Names = [IndexSchema.Block, IndexSchema.Text];

        public override int Count => Names.Length;

        public override IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Names).GetEnumerator();

        public override Terms GetTerms(string field) => field switch
        {
            IndexSchema.Text => text,
            IndexSchema.Block => block,
            _ => null!,
        };
    }

    private sealed class SealedTerms(SealedField postings, bool hasFreqs) : Terms
    {
        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override long Count => postings.Terms.Length;

        public override long SumTotalTermFreq => hasFreqs ? postings.Freqs.Sum(f => (long)f) : -1;

        public override long SumDocFreq => postings.Docs.Length;

        public override int DocCount => postings.Docs.Distinct().Count();

        public override bool HasFreqs => hasFreqs;

        public override bool HasOffsets => false;

        public override bool HasPositions => false;

        public override bool HasPayloads => false;

        public override TermsEnum GetEnumerator() => new SealedTermsEnum(postings, hasFreqs);
    }

    private sealed class SealedTermsEnum(SealedField postings, bool hasFreqs) : TermsEnum
    {
        private readonly BytesRef term = new();
        private int ord = -1;

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override BytesRef Term => term;

        public override long Ord => ord;

        public override int DocFreq => postings.Starts[ord + 1] - postings.Starts[ord];

        public override long TotalTermFreq
        {
            get
            {
                if (!hasFreqs)
                {
                    return -1;
                }

                long total = 0;
                for (var i = postings.Starts[ord]; i < postings.Starts[ord + 1]; i++)
                {
                    total += postings.Freqs[i];
                }

                return total;
            }
        }

        public override bool MoveNext()
        {
            if (ord + 1 >= postings.Terms.Length)
            {
                ord = postings.Terms.Length;
                return false;
            }

            Position(ord + 1);
            return true;
        }

        [Obsolete("Use MoveNext() and Term instead.")]
        public override BytesRef Next() => MoveNext() ? term : null!;

        public override SeekStatus SeekCeil(BytesRef text)
        {
            var target = text.Bytes.AsSpan(text.Offset, text.Length);
            var (low, high) = (0, postings.Terms.Length - 1);
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var order = postings.Terms[middle].AsSpan().SequenceCompareTo(target);
                if (order == 0)
                {
                    Position(middle);
                    return SeekStatus.FOUND;
                }

                (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
            }

            if (low == postings.Terms.Length)
            {
                ord = low;
                return SeekStatus.END;
            }

            Position(low);
            return SeekStatus.NOT_FOUND;
        }

        public override void SeekExact(long ord) => Position(checked((int)ord));

        public override DocsEnum Docs(IBits liveDocs, DocsEnum reuse, DocsFlags flags) =>
            (reuse as SealedDocsEnum ?? new SealedDocsEnum()).Reset(postings, postings.Starts[ord], postings.Starts[ord + 1], liveDocs);

        public override DocsAndPositionsEnum DocsAndPositions(IBits liveDocs, DocsAndPositionsEnum reuse, DocsAndPositionsFlags flags) => null!;

        private void Position(int at)
        {
            ord = at;
            term.Bytes = postings.Terms[at];
            term.Offset = 0;
            term.Length = postings.Terms[at].Length;
        }
    }

    private sealed class SealedDocsEnum : DocsEnum
    {
        private SealedField postings = null!;
        private IBits? live;
        private int start;
        private int at;
        private int end;
        private int doc = -1;

        public override int DocID => doc;

        public override int Freq => postings.Freqs[at];

        public SealedDocsEnum Reset(SealedField postings, int start, int end, IBits? live)
        {
            (this.postings, this.start, at, this.end, this.live, doc) = (postings, start, start - 1, end, live, -1);
            return this;
        }

        public override int NextDoc()
        {
            while (++at < end)
            {
                var next = postings.Docs[at];
                if (live is null || live.Get(next))
                {
                    return doc = next;
                }
            }

            at = end;
            return doc = NO_MORE_DOCS;
        }

        public override int Advance(int target)
        {
            while (doc < target)
            {
                NextDoc();
            }

            return doc;
        }

        public override long GetCost() => end - start;
    }

    private sealed class NormValues(long[] values) : NumericDocValues
    {
        public override long Get(int docID) => values[docID];
    }
}
