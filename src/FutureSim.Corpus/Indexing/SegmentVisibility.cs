using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The visibility instant, article id hash, store offset and chunk number of every document of one index segment,
/// read once when the index is opened; and the segment's Lucene enumerators of the searchable field, kept for reuse.
/// </summary>
internal sealed class SegmentVisibility
{
    private readonly ConcurrentBag<TermsEnum> termsEnums = [];
    private readonly ConcurrentBag<DocsEnum> docsEnums = [];

    public SegmentVisibility(AtomicReaderContext context, long[] ticks, long[] idHashes, long[] storeOffsets, int[]? chunks)
    {
        Context = context;
        Ticks = ticks;
        IdHashes = idHashes;
        StoreOffsets = storeOffsets;
        Chunks = chunks;
        LiveDocs = context.AtomicReader.LiveDocs;
        MinTicks = ticks.Length == 0 ? long.MaxValue : ticks.Min();
        MaxTicks = ticks.Length == 0 ? long.MinValue : ticks.Max();
        InVisibilityOrder = IsAscending(ticks);
        Norms = ReadNorms(context.AtomicReader);
    }

    public AtomicReaderContext Context { get; }

    /// <summary><see cref="Core.Articles.Article.VisibleAt"/> in UTC ticks, by segment document number.</summary>
    public long[] Ticks { get; }

    /// <summary>The id hash (<see cref="Loading.StableHash"/>) of each document's article, by segment document number.</summary>
    public long[] IdHashes { get; }

    /// <summary>Where each document's article sits in the <see cref="ArticleStore"/>, by segment document number.</summary>
    public long[] StoreOffsets { get; }

    /// <summary>Which chunk of its article each document is, or null when every document is a first (or only) chunk.</summary>
    public int[]? Chunks { get; }

    /// <summary>The chunk number of <paramref name="doc"/> within its article.</summary>
    public int ChunkOf(int doc) => Chunks is null ? 0 : Chunks[doc];

    /// <summary>The segment's live documents, or null when none is deleted.</summary>
    public IBits? LiveDocs { get; }

    public long MinTicks { get; }

    public long MaxTicks { get; }

    /// <summary>Each document's length norm of the searchable text (as Lucene stores it), or null when the segment has none.</summary>
    public byte[]? Norms { get; }

    /// <summary>
    /// True when instants never decrease with the document number (the corpus was read in time order, as
    /// dated corpora are): the documents visible in any window are then one range of document numbers.
    /// </summary>
    public bool InVisibilityOrder { get; }

    /// <summary>True when no document of the segment is visible inside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool NoneWithin(long from, long to) => MaxTicks < from || MinTicks > to;

    /// <summary>
    /// The documents a search may touch: live and visible within [<paramref name="from"/>, <paramref name="to"/>].
    /// Passed to Lucene as accept-docs, so scorers never see anything else and top-k is taken among
    /// visible matches only. Null means every document qualifies (Lucene's convention).
    /// </summary>
    public IBits? AcceptDocs(long from, long to) =>
        LiveDocs is null && MinTicks >= from && MaxTicks <= to ? null : new WindowBits(this, from, to);

    /// <summary>
    /// The documents a search may touch, live and visible within [<paramref name="from"/>, <paramref name="to"/>]:
    /// those of <see cref="SegmentGate.Accept"/> (Lucene's accept-docs, null for all) numbered from
    /// <see cref="SegmentGate.First"/> up to, not including, <see cref="SegmentGate.End"/>. In a segment in
    /// visibility order the range alone says it, and postings are read without a per-document check.
    /// </summary>
    public SegmentGate Gate(long from, long to)
    {
        if (LiveDocs is null && InVisibilityOrder)
        {
            var first = from == long.MinValue ? 0 : SortedTicks.CountAtOrBefore(Ticks, from - 1);
            return new SegmentGate(null, first, Math.Max(first, SortedTicks.CountAtOrBefore(Ticks, to)));
        }

        return new SegmentGate(AcceptDocs(from, to), 0, Ticks.Length);
    }

    /// <summary>
    /// An enumerator of the searchable field's terms (null when the segment has none), one given back earlier when
    /// there is one. Opening one allocates the terms dictionary's frames and buffers, which a search would otherwise do
    /// for every term and segment. Give it back (<see cref="Return(TermsEnum)"/>) once it is no longer used.
    /// </summary>
    public TermsEnum? RentTerms() =>
        termsEnums.TryTake(out var reused) ? reused : Context.AtomicReader.GetTerms(IndexSchema.Text)?.GetEnumerator();

    public void Return(TermsEnum terms) => termsEnums.Add(terms);

    /// <summary>
    /// The postings, with frequencies, of the term <paramref name="terms"/> is positioned on, restricted to
    /// <paramref name="accept"/>: read by an enumerator given back earlier when there is one (Lucene resets it for
    /// the term; its buffers are what a search would otherwise allocate per term and segment). The postings do not
    /// depend on <paramref name="terms"/> afterwards. Give them back (<see cref="Return(DocsEnum)"/>) once read.
    /// </summary>
    public DocsEnum RentDocs(TermsEnum terms, IBits? accept) =>
        terms.Docs(accept, docsEnums.TryTake(out var reused) ? reused : null, DocsFlags.FREQS);

    public void Return(DocsEnum docs) => docsEnums.Add(docs);

    private static byte[]? ReadNorms(AtomicReader reader)
    {
        if (reader.GetNormValues(IndexSchema.Text) is not { } values)
        {
            return null;
        }

        var norms = new byte[reader.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = (byte)values.Get(doc);
        }

        return norms;
    }

    private static bool IsAscending(long[] ticks)
    {
        for (var i = 1; i < ticks.Length; i++)
        {
            if (ticks[i] < ticks[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private sealed class WindowBits(SegmentVisibility segment, long from, long to) : IBits
    {
        private readonly long[] ticks = segment.Ticks;
        private readonly IBits? live = segment.LiveDocs;

        public int Length => ticks.Length;

        public bool Get(int index)
        {
            var t = ticks[index];
            return t <= to && t >= from && (live is null || live.Get(index));
        }
    }
}

/// <summary>Which documents of a segment a search may touch: those <see cref="Accept"/> lets through (all when null) numbered in [<see cref="First"/>, <see cref="End"/>).</summary>
internal readonly record struct SegmentGate(IBits? Accept, int First, int End);
