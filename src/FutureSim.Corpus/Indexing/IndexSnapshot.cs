using System.Collections.Concurrent;
using FutureSim.Core.Articles;
using FutureSim.Corpus.Loading;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// An open, immutable index plus the per-document tables that make time gating and point-in-time
/// statistics cheap, built once when the index is opened:
/// <list type="bullet">
/// <item>per segment, each document's visibility instant, article id hash, store offset and chunk (<see cref="SegmentVisibility"/>), from the <see cref="DocumentTable"/>;</item>
/// <item>all live documents' (chunks') visibility instants sorted, with prefix sums of their term counts, so that the
///   number of documents and of terms visible at any instant is a binary search away, and the articles' instants;</item>
/// <item>the articles' id hashes sorted (with their first chunk), to fetch by id without an id term in the index;</item>
/// <item>lazily, a <see cref="TermTimeline"/> and window bounds (<see cref="TermBlocks"/>) per frequent term.</item>
/// </list>
/// Thread-safe: everything is read-only after it is opened except the timeline and window caches, which are concurrent.
/// </summary>
internal sealed class IndexSnapshot : IDisposable
{
    /// <summary>Terms in at least this many documents get a <see cref="TermTimeline"/>.</summary>
    public const int TimelineFrom = 256;

    /// <summary>Timelines stop being added once they hold this many entries in all (20 bytes each).</summary>
    public const long MaxTimelineEntries = 16_000_000;

    /// <summary>Window bounds (<see cref="TermBlocks"/>) stop being added once they hold this many bytes in all.</summary>
    public const long MaxBlockBytes = 64L << 20;

    private readonly LuceneDirectory directory;
    private readonly ArticleStore store;
    private readonly long[] sortedTicks;
    private readonly long[] articleTicks;
    private readonly long[] termPrefix;
    private readonly long[] emptyTicks;
    private readonly long[] sortedIdHashes;
    private readonly int[] idDocs;
    private readonly ConcurrentDictionary<string, TermTimeline> timelines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TermBlocks> blocks = new(StringComparer.Ordinal);
    private readonly Lazy<double> referenceLength;
    private long blockBytes;
    private readonly long latestTicks;
    private long timelineEntries;

    private IndexSnapshot(LuceneDirectory directory, DirectoryReader reader, ArticleStore store, DocumentTable table)
    {
        this.directory = directory;
        this.store = store;
        Reader = reader;
        if (reader.HasDeletions)
        {
            throw new InvalidDataException("the index has deleted documents, which a corpus index never has");
        }

        var total = reader.MaxDoc;
        if (table.Count != total)
        {
            throw new InvalidDataException($"the document table has {table.Count} records for the index's {total} documents");
        }

        var leaves = reader.Leaves;
        var (leafOf, docOf) = Placement(leaves, total);
        var ticks = new long[leaves.Count][];
        var hashes = new long[leaves.Count][];
        var offsets = new long[leaves.Count][];
        var chunks = new int[leaves.Count][];
        foreach (var leaf in leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            (ticks[leaf.Ord], hashes[leaf.Ord], offsets[leaf.Ord]) = (new long[maxDoc], new long[maxDoc], new long[maxDoc]);
        }

        for (var sequence = 0; sequence < total; sequence++)
        {
            var (ord, doc) = (leafOf[sequence], docOf[sequence]);
            ticks[ord][doc] = table.Ticks[sequence];
            hashes[ord][doc] = table.IdHashes[sequence];
            offsets[ord][doc] = table.StoreOffsets[sequence];
            if (table.Chunks is { } chunkOf && chunkOf[sequence] != 0)
            {
                (chunks[ord] ??= new int[ticks[ord].Length])[doc] = chunkOf[sequence];
            }
        }

        var segments = new SegmentVisibility[leaves.Count];
        foreach (var leaf in leaves)
        {
            segments[leaf.Ord] = new SegmentVisibility(leaf, ticks[leaf.Ord], hashes[leaf.Ord], offsets[leaf.Ord], chunks[leaf.Ord]);
        }

        Segments = segments;
        latestTicks = segments.Length == 0 ? long.MinValue : segments.Max(s => s.MaxTicks);
        referenceLength = new Lazy<double>(ReadReferenceLength);
        sortedTicks = table.SortedTicks;
        termPrefix = table.TermPrefix;
        emptyTicks = table.EmptyTicks;
        articleTicks = table.ArticleTicks;
        sortedIdHashes = table.SortedIdHashes;
        idDocs = new int[table.IdSequences.Length];
        for (var i = 0; i < idDocs.Length; i++)
        {
            var sequence = table.IdSequences[i];
            idDocs[i] = leaves[leafOf[sequence]].DocBase + docOf[sequence];
        }
    }

    /// <summary>
    /// Where each document sequence number sits: its segment and document number, read from the
    /// <see cref="IndexSchema.Block"/> terms (the n-th posting of block b in a segment is document b + n).
    /// </summary>
    private static (int[] LeafOf, int[] DocOf) Placement(IList<AtomicReaderContext> leaves, int total)
    {
        var leafOf = new int[total];
        var docOf = new int[total];
        Array.Fill(leafOf, -1);
        var placed = 0;
        DocsEnum? docs = null;
        foreach (var leaf in leaves)
        {
            if (leaf.AtomicReader.MaxDoc == 0)
            {
                continue;
            }

            var terms = leaf.AtomicReader.GetTerms(IndexSchema.Block)
                ?? throw new InvalidDataException($"index segment {leaf.Ord} has no '{IndexSchema.Block}' terms");
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var first = ParseSequence(termsEnum.Term);
                docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
                var sequence = first;
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    if (sequence < 0 || sequence >= total || leafOf[sequence] != -1)
                    {
                        throw new InvalidDataException($"index segment {leaf.Ord} places document {sequence} where it cannot be");
                    }

                    (leafOf[sequence], docOf[sequence]) = (leaf.Ord, doc);
                    sequence++;
                    placed++;
                }
            }
        }

        if (placed != total)
        {
            throw new InvalidDataException($"the index places {placed} of its {total} documents");
        }

        return (leafOf, docOf);
    }

    private static int ParseSequence(BytesRef term)
    {
        long value = 0;
        for (var i = 0; i < term.Length; i++)
        {
            var digit = term.Bytes[term.Offset + i] - (byte)'0';
            if (digit is < 0 or > 9 || i >= 10)
            {
                throw new InvalidDataException($"the index has a malformed '{IndexSchema.Block}' term");
            }

            value = (value * 10) + digit;
        }

        return term.Length == 0 || value > int.MaxValue ? throw new InvalidDataException($"the index has a malformed '{IndexSchema.Block}' term") : (int)value;
    }

    public DirectoryReader Reader { get; }

    /// <summary>The segments' visibility tables, by leaf ordinal.</summary>
    public IReadOnlyList<SegmentVisibility> Segments { get; }

    public NewsSimilarity Similarity { get; } = new();

    /// <summary>Live articles in the index (an article of several chunks is several documents).</summary>
    public int DocumentCount => articleTicks.Length;

    /// <summary>Live index documents (article chunks).</summary>
    public int ChunkCount => sortedTicks.Length;

    /// <summary>The id hashes of every live article (see <see cref="StableHash"/>), ascending.</summary>
    public ReadOnlySpan<long> IdHashes => sortedIdHashes;

    /// <summary>Opens the committed index in <paramref name="directory"/>, its article store and its document table; the snapshot owns the directory from then on.</summary>
    public static IndexSnapshot Open(LuceneDirectory directory, string storePath, string metaPath) =>
        Open(directory, storePath, reader => DocumentTable.Read(metaPath, reader.MaxDoc));

    /// <summary>Opens the committed index in <paramref name="directory"/> and its article store with a document table already read; the snapshot owns the directory from then on.</summary>
    public static IndexSnapshot Open(LuceneDirectory directory, string storePath, DocumentTable table) =>
        Open(directory, storePath, _ => table);

    private static IndexSnapshot Open(LuceneDirectory directory, string storePath, Func<DirectoryReader, DocumentTable> table)
    {
        DirectoryReader? reader = null;
        ArticleStore? store = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            store = ArticleStore.Open(storePath);
            return new IndexSnapshot(directory, reader, store, table(reader));
        }
        catch
        {
            store?.Dispose();
            reader?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>How many live articles have <c>VisibleAt &lt;= ticks</c>.</summary>
    public int CountVisible(long ticks) => SortedTicks.CountAtOrBefore(articleTicks, ticks);

    /// <summary>
    /// Collection statistics of the searchable field as if the index held only the documents visible at
    /// <paramref name="asOfTicks"/>: maxDoc = visible documents, docCount = visible documents with at
    /// least one term, sumTotalTermFreq = their terms (so BM25's average length is theirs).
    /// sumDocFreq is reported unknown (-1); BM25 does not use it.
    /// </summary>
    public CollectionStatistics CollectionStatisticsAt(string field, long asOfTicks)
    {
        var visible = SortedTicks.CountAtOrBefore(sortedTicks, asOfTicks);
        var withTerms = visible - SortedTicks.CountAtOrBefore(emptyTicks, asOfTicks);
        return new CollectionStatistics(field, visible, withTerms, termPrefix[visible], -1);
    }

    private double ReadReferenceLength()
    {
        // As BM25Similarity.AvgFieldLength computes it for each count of visible documents (1 when there are no terms).
        var highest = 1f;
        for (var visible = ReferenceFrom; visible < termPrefix.Length; visible++)
        {
            if (termPrefix[visible] > 0)
            {
                highest = Math.Max(highest, (float)(termPrefix[visible] / (double)visible));
            }
        }

        return highest;
    }

    /// <summary>
    /// docFreq and totalTermFreq of <paramref name="term"/> over the documents visible at
    /// <paramref name="asOfTicks"/>. Frequent terms (docFreq ≥ <see cref="TimelineFrom"/>) get a
    /// <see cref="TermTimeline"/>, built on first use and kept (until <see cref="MaxTimelineEntries"/>
    /// entries are held), which answers for any instant by binary search. Other terms are counted directly:
    /// segments wholly visible contribute the index's own counts, segments wholly in the future nothing, and
    /// a segment straddling the instant has the term's postings checked against its visibility table.
    /// </summary>
    public TermStatistics TermStatisticsAt(Term term, TermContext context, long asOfTicks)
    {
        if (asOfTicks >= latestTicks)
        {
            return new TermStatistics(term.Bytes, context.DocFreq, context.TotalTermFreq);
        }

        if (context.DocFreq >= TimelineFrom && Timeline(term, context) is { } timeline)
        {
            var (docFreq, totalTermFreq) = timeline.At(asOfTicks);
            return new TermStatistics(term.Bytes, docFreq, totalTermFreq);
        }

        long df = 0;
        long ttf = 0;
        foreach (var (segment, termsEnum) in SegmentsWith(term, context))
        {
            if (segment.MinTicks > asOfTicks)
            {
                continue;
            }

            if (segment.MaxTicks <= asOfTicks && segment.LiveDocs is null)
            {
                df += termsEnum.DocFreq;
                ttf += termsEnum.TotalTermFreq;
                continue;
            }

            var docs = segment.RentDocs(termsEnum, segment.LiveDocs);
            var ticks = segment.Ticks;
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (ticks[doc] <= asOfTicks)
                {
                    df++;
                    ttf += docs.Freq;
                }
            }

            segment.Return(docs);
        }

        return new TermStatistics(term.Bytes, df, ttf);
    }

    private TermTimeline? Timeline(Term term, TermContext context)
    {
        var key = term.Text;
        if (timelines.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Interlocked.Read(ref timelineEntries) > MaxTimelineEntries)
        {
            return null;
        }

        var ticks = new List<long>(context.DocFreq);
        var frequencies = new List<int>(context.DocFreq);
        foreach (var (segment, termsEnum) in SegmentsWith(term, context))
        {
            var docs = segment.RentDocs(termsEnum, segment.LiveDocs);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                ticks.Add(segment.Ticks[doc]);
                frequencies.Add(docs.Freq);
            }

            segment.Return(docs);
        }

        var timeline = new TermTimeline([.. ticks], [.. frequencies]);
        if (!timelines.TryAdd(key, timeline))
        {
            return timelines[key];
        }

        Interlocked.Add(ref timelineEntries, timeline.Entries);
        return timeline;
    }

    /// <summary>
    /// The term's state in each segment that holds it, with its docFreq and totalTermFreq over the whole index: what
    /// Lucene's <see cref="TermContext.Build"/> gives, looked up with the segments' reused terms enumerators.
    /// </summary>
    /// <param name="term">A term of the searchable field (<see cref="IndexSchema.Text"/>).</param>
    public TermContext TermContextOf(Term term)
    {
        var context = new TermContext(Reader.Context);
        foreach (var segment in Segments)
        {
            if (segment.RentTerms() is not { } termsEnum)
            {
                continue;
            }

            if (termsEnum.SeekExact(term.Bytes))
            {
                context.Register(termsEnum.GetTermState(), segment.Context.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }

            segment.Return(termsEnum);
        }

        return context;
    }

    /// <summary>
    /// Window bounds (<see cref="TermBlocks"/>) hold at instants where at least this many documents are visible:
    /// the last 63/64 of the index's history, in which the average length settles.
    /// </summary>
    public int ReferenceFrom => Math.Max(1, Reader.MaxDoc >> 6);

    /// <summary>
    /// The highest average document length BM25 uses (<see cref="CollectionStatisticsAt"/>) at any instant where at
    /// least <see cref="ReferenceFrom"/> documents are visible; computed on first use.
    /// </summary>
    public double ReferenceLength => referenceLength.Value;

    /// <summary>
    /// The term's window bounds (<see cref="TermBlocks"/>), read on first use and kept, for a term in at least one
    /// document per two windows of the index and at least <see cref="TimelineFrom"/> documents: rarer terms have too
    /// few postings for skipping to pay. Null for those, and once <see cref="MaxBlockBytes"/> are held.
    /// </summary>
    public TermBlocks? BlocksOf(Term term, TermContext context)
    {
        if (context.DocFreq < Math.Max(TimelineFrom, Reader.MaxDoc >> (TermBlocks.Shift + 1)))
        {
            return null;
        }

        if (blocks.TryGetValue(term.Text, out var known))
        {
            return known;
        }

        if (Interlocked.Read(ref blockBytes) > MaxBlockBytes)
        {
            return null;
        }

        var read = TermBlocks.Read(Segments, term, context, Similarity, ReferenceLength);
        if (!blocks.TryAdd(term.Text, read))
        {
            return blocks[term.Text];
        }

        Interlocked.Add(ref blockBytes, read.Bytes);
        return read;
    }

    /// <summary>Each segment holding the term (of the searchable field), with a terms enumerator positioned on it for the time the caller looks at it.</summary>
    private IEnumerable<(SegmentVisibility Segment, TermsEnum Terms)> SegmentsWith(Term term, TermContext context)
    {
        foreach (var segment in Segments)
        {
            if (context.Get(segment.Context.Ord) is { } state && segment.RentTerms() is { } termsEnum)
            {
                termsEnum.SeekExact(term.Bytes, state);
                yield return (segment, termsEnum);
                segment.Return(termsEnum);
            }
        }
    }

    /// <summary>The first chunks of the live articles whose id hashes to <paramref name="idHash"/> (normally one; more only on a hash collision).</summary>
    public IEnumerable<(SegmentVisibility Segment, int Doc)> DocumentsWithIdHash(long idHash)
    {
        var i = Array.BinarySearch(sortedIdHashes, idHash);
        if (i < 0)
        {
            yield break;
        }

        while (i > 0 && sortedIdHashes[i - 1] == idHash)
        {
            i--;
        }

        for (; i < sortedIdHashes.Length && sortedIdHashes[i] == idHash; i++)
        {
            var global = idDocs[i];
            var segment = Segments[ReaderUtil.SubIndex(global, Reader.Leaves)];
            yield return (segment, global - segment.Context.DocBase);
        }
    }

    public Article LoadArticle(SegmentVisibility segment, int doc) => store.Read(segment.StoreOffsets[doc]);

    public void Dispose()
    {
        store.Dispose();
        Reader.Dispose();
        directory.Dispose();
    }
}
