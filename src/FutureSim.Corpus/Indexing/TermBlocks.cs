using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// For one term, per segment and window of <see cref="Width"/> document numbers, a bound on the term's BM25 score
/// in the window. BM25 scores a term <c>weight · tf / (tf + k1 · (1 − b + b · dl / avgdl))</c>; the fraction grows
/// with the average length, so taken at an average length no instant exceeds (<see cref="IndexSnapshot.ReferenceLength"/>)
/// and maximised over the window's postings it bounds every document of the window at every such instant. It is
/// kept in 255ths, rounded up. A search skips the windows where the bounds of all its terms together cannot reach
/// the k-th best score so far (<see cref="PointInTimeSearch"/>).
/// </summary>
internal sealed class TermBlocks
{
    /// <summary>log2 of <see cref="Width"/>.</summary>
    public const int Shift = 11;

    /// <summary>Document numbers per window.</summary>
    public const int Width = 1 << Shift;

    private readonly byte[]?[] fractions;

    private TermBlocks(byte[]?[] fractions, long bytes)
    {
        this.fractions = fractions;
        Bytes = bytes;
    }

    /// <summary>Memory held, in bytes.</summary>
    public long Bytes { get; }

    /// <summary>
    /// Reads the term's postings in every segment that holds it (<paramref name="context"/>), bounding at
    /// <paramref name="referenceLength"/>, an average length at least that of any instant the bounds are used at.
    /// Segments without norms get no windows: a search bounds the term there by its weight alone.
    /// </summary>
    public static TermBlocks Read(IReadOnlyList<SegmentVisibility> segments, Term term, TermContext context, NewsSimilarity similarity, double referenceLength)
    {
        var denominators = new double[256];
        for (var norm = 0; norm < denominators.Length; norm++)
        {
            denominators[norm] = similarity.K1 * ((1 - similarity.B) + (similarity.B * similarity.LengthOf((byte)norm) / referenceLength));
        }

        var fractions = new byte[]?[segments.Count];
        long bytes = 0;
        foreach (var segment in segments)
        {
            var ord = segment.Context.Ord;
            if (context.Get(ord) is not { } state || segment.Norms is not { } norms || segment.RentTerms() is not { } termsEnum)
            {
                continue;
            }

            termsEnum.SeekExact(term.Bytes, state);
            var docs = segment.RentDocs(termsEnum, null);
            segment.Return(termsEnum);
            var highest = new byte[(segment.Ticks.Length + Width - 1) >> Shift];
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                var tf = (double)docs.Freq;
                var fraction = (byte)Math.Min(255, Math.Ceiling(255 * tf / (tf + denominators[norms[doc]])));
                ref var window = ref highest[doc >> Shift];
                window = Math.Max(window, fraction);
            }

            segment.Return(docs);
            fractions[ord] = highest;
            bytes += highest.Length;
        }

        return new TermBlocks(fractions, bytes);
    }

    /// <summary>True when the segment numbered <paramref name="ord"/> has windows for the term.</summary>
    public bool HasWindows(int ord) => fractions[ord] is not null;

    /// <summary>
    /// The first document number at or after <paramref name="from"/> whose window, in the segment numbered
    /// <paramref name="ord"/>, holds any of the term's postings; <see cref="DocIdSetIterator.NO_MORE_DOCS"/> when
    /// none does; <paramref name="from"/> when the segment has no windows.
    /// </summary>
    public int NextWindowFrom(int ord, int from)
    {
        if (fractions[ord] is not { } highest)
        {
            return from;
        }

        var at = highest.AsSpan(from >> Shift).IndexOfAnyExcept((byte)0);
        return at < 0 ? DocIdSetIterator.NO_MORE_DOCS : Math.Max(from, ((from >> Shift) + at) << Shift);
    }

    /// <summary>
    /// Bounds the term's score in the window of <paramref name="doc"/> in the segment numbered <paramref name="ord"/>,
    /// given <paramref name="upper"/>, the term's weight widened for float rounding: 0 when the window holds none of
    /// its postings; <paramref name="upper"/> when the segment has no windows.
    /// </summary>
    public float Bound(int ord, int doc, float upper) =>
        fractions[ord] is { } highest ? upper * highest[doc >> Shift] / 255f : upper;
}
