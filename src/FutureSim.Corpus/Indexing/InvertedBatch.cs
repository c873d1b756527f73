using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FutureSim.Corpus.Text;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The index documents one indexing thread has analysed since it last wrote a segment, inverted in memory.
/// Each distinct term is numbered on first sight; each document keeps its (term, frequency) pairs, its
/// norm (computed by the index's similarity, exactly as Lucene computes it while inverting) and the
/// <see cref="IndexSchema.Block"/> it belongs to. <see cref="Seal"/> turns that into a read-only segment
/// (<see cref="SealedSegment"/>: terms in Lucene's byte order, postings in document order) that Lucene writes
/// out with the index's codec through <see cref="IndexWriter.AddIndexes(IndexReader[])"/>.
/// <para>
/// This replaces Lucene's own inversion, which takes every token through an attribute stream, converts it to
/// UTF-8, hashes it into a byte-slice pool and reads the slices back when writing; here a token costs one
/// dictionary lookup on its characters. The segment written holds the same terms, postings, frequencies and
/// norms as one Lucene would have written for the same documents.
/// </para>
/// Not thread-safe: one per indexing thread, reused after each <see cref="Clear"/>.
/// </summary>
internal sealed class InvertedBatch(Similarity similarity)
{
    /// <summary>What one distinct term costs beyond its characters (dictionary entry, string header, per-term arrays).</summary>
    private const int BytesPerTerm = 96;

    /// <summary>What one (term, frequency) pair costs, counting the postings arrays <see cref="Seal"/> builds from it.</summary>
    private const int BytesPerPair = 16;

    private const int BytesPerDocument = 16;

    /// <summary>Norms of documents up to this many terms are computed once and kept.</summary>
    private const int CachedNorms = 4096;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<(int Sequence, int FirstDoc, int Count)> blocks = [];
    private readonly long[] normByLength = CreateNormCache(similarity);
    private long termCharBytes;
    private bool surrogates;
    private int[] lastDoc = new int[1024];
    private int[] slot = new int[1024];
    private int[] pairs = new int[1 << 14];
    private int pairCount;
    private int[] docStarts = new int[1025];
    private long[] norms = new long[1024];

    /// <summary>Documents added since the last <see cref="Clear"/>.</summary>
    public int Documents { get; private set; }

    /// <summary>About how much memory the batch holds, including what <see cref="Seal"/> will need.</summary>
    public long RamBytes => (ids.Count * (long)BytesPerTerm) + termCharBytes + ((pairCount / 2) * (long)BytesPerPair) + (Documents * (long)BytesPerDocument);

    /// <summary>Adds one document: its analysed terms, in order, and the block (its first sequence number) it was added with.</summary>
    public void Add(TokenBuffer terms, int block)
    {
        var doc = Documents;
        if (doc == norms.Length)
        {
            Array.Resize(ref norms, doc * 2);
            Array.Resize(ref docStarts, (doc * 2) + 1);
        }

        if (blocks.Count == 0 || blocks[^1].Sequence != block)
        {
            blocks.Add((block, doc, 0));
        }

        blocks[^1] = blocks[^1] with { Count = blocks[^1].Count + 1 };
        docStarts[doc] = pairCount;
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < terms.Count; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, terms[i], out var exists);
            if (!exists)
            {
                id = ids.Count - 1;
                NewTerm(id, terms[i]);
            }

            var term = id;
            if (lastDoc[term] == doc)
            {
                pairs[slot[term] + 1]++;
                continue;
            }

            if (pairCount + 2 > pairs.Length)
            {
                Array.Resize(ref pairs, pairs.Length * 2);
            }

            lastDoc[term] = doc;
            slot[term] = pairCount;
            pairs[pairCount] = term;
            pairs[pairCount + 1] = 1;
            pairCount += 2;
        }

        norms[doc] = terms.Count < CachedNorms ? normByLength[terms.Count] : similarity.ComputeNorm(InvertState(terms.Count));
        Documents = doc + 1;
        docStarts[Documents] = pairCount;
    }

    /// <summary>The batch as a segment Lucene can write out; the batch must not change while it is in use.</summary>
    public SealedSegment Seal()
    {
        var text = SealText();
        var ordered = blocks
            .Select(b => (Term: b.Sequence.ToString(CultureInfo.InvariantCulture), b.FirstDoc, b.Count))
            .OrderBy(b => b.Term, StringComparer.Ordinal)
            .ToList();
        var blockTerms = new byte[ordered.Count][];
        var blockStarts = new int[ordered.Count + 1];
        var blockDocs = new int[Documents];
        var blockFreqs = new int[Documents];
        Array.Fill(blockFreqs, 1);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (term, first, count) = ordered[i];
            blockTerms[i] = Encoding.UTF8.GetBytes(term);
            for (var d = 0; d < count; d++)
            {
                blockDocs[blockStarts[i] + d] = first + d;
            }

            blockStarts[i + 1] = blockStarts[i] + count;
        }

        var block = new SealedField(blockTerms, blockStarts, blockDocs, blockFreqs);
        return new SealedSegment(Documents, text, block, norms.AsSpan(0, Documents).ToArray());
    }

    public void Clear()
    {
        ids.Clear();
        blocks.Clear();
        termCharBytes = 0;
        surrogates = false;
        pairCount = 0;
        Documents = 0;
    }

    /// <summary>The searchable field: terms sorted as Lucene sorts them (by their UTF-8 bytes), each with its postings in document order.</summary>
    private SealedField SealText()
    {
        var count = ids.Count;
        var texts = new string[count];
        foreach (var (term, id) in ids)
        {
            texts[id] = term;
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Without surrogates, UTF-16 order is UTF-8 order.
        Array.Sort((string[])texts.Clone(), order, surrogates ? Utf8Order.Instance : StringComparer.Ordinal);
        var rank = new int[count];
        var terms = new byte[count][];
        for (var r = 0; r < count; r++)
        {
            rank[order[r]] = r;
            terms[r] = Encoding.UTF8.GetBytes(texts[order[r]]);
        }

        var starts = new int[count + 1];
        for (var p = 0; p < pairCount; p += 2)
        {
            starts[rank[pairs[p]] + 1]++;
        }

        for (var r = 0; r < count; r++)
        {
            starts[r + 1] += starts[r];
        }

        var next = starts.AsSpan(0, count).ToArray();
        var docs = new int[pairCount / 2];
        var freqs = new int[pairCount / 2];
        for (var doc = 0; doc < Documents; doc++)
        {
            for (var p = docStarts[doc]; p < docStarts[doc + 1]; p += 2)
            {
                var at = next[rank[pairs[p]]]++;
                docs[at] = doc;
                freqs[at] = pairs[p + 1];
            }
        }

        return new SealedField(terms, starts, docs, freqs);
    }

    private void NewTerm(int id, ReadOnlySpan<char> term)
    {
        if (id == lastDoc.Length)
        {
            Array.Resize(ref lastDoc, id * 2);
            Array.Resize(ref slot, id * 2);
        }

        lastDoc[id] = -1;
        termCharBytes += term.Length * sizeof(char);
        surrogates |= term.ContainsAnyInRange('\uD800', '\uDFFF');
    }

    private static FieldInvertState InvertState(int length) => new(IndexSchema.Text, length, length, 0, 0, 1f);

    private static long[] CreateNormCache(Similarity similarity)
    {
        var cache = new long[CachedNorms];
        for (var length = 0; length < cache.Length; length++)
        {
            cache[length] = similarity.ComputeNorm(InvertState(length));
        }

        return cache;
    }

    /// <summary>Orders strings as their UTF-8 bytes order (code point order): UTF-16 order, except that surrogates sort after U+E000–U+FFFF.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = x.AsSpan();
            var b = y.AsSpan();
            var common = a.CommonPrefixLength(b);
            if (common == a.Length || common == b.Length)
            {
                return a.Length - b.Length;
            }

            return Fix(a[common]) - Fix(b[common]);
        }

        private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
