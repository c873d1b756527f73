using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Top-k BM25 search over the documents visible at one instant, ranked as if the corpus held nothing else.
/// <para>
/// <b>Point-in-time statistics.</b> A BM25 term weight depends on collection statistics — the term's
/// docFreq, and the number and total length of documents (for the average length). Index-wide, those would
/// count articles that arrive after the instant, so the ranking at T would shift whenever the future is
/// added to the corpus. Here they are computed over documents with <c>VisibleAt &lt;= T</c> only
/// (<see cref="IndexSnapshot.TermStatisticsAt"/>, <see cref="IndexSnapshot.CollectionStatisticsAt"/>: per-document
/// visibility and term counts with prefix sums over documents sorted by visibility) and handed to Lucene's
/// <see cref="BM25Similarity"/>. Everything else in a score is local to the document (its term frequency and
/// length norm), and term scores are added in query order, so a document's score at T is a function of the
/// articles visible at T alone, bit for bit; ties are broken by id hash and chunk, not index position.
/// </para>
/// <para>
/// <b>Gate before top-k.</b> Postings are read within the segment's visibility window — as Lucene's accept-docs,
/// or, in a segment in visibility order, as a range of document numbers (<see cref="SegmentVisibility.Gate"/>) —
/// so invisible documents are never scored or counted; top-k is taken among visible matches only.
/// </para>
/// <para>
/// <b>MaxScore over windows.</b> The query is an OR of terms. Each term's score is bounded by its BM25 weight times
/// (k1 + 1), and, for frequent terms, more tightly in each window of <see cref="TermBlocks.Width"/> document numbers
/// (<see cref="TermBlocks"/>). Once k hits are kept, terms whose bounds in a window together cannot reach the k-th
/// score are not iterated there, only probed for documents the other terms find, and a window where no document can
/// reach it is skipped without moving any cursor. This skips most postings of frequent words.
/// </para>
/// <para>
/// <b>Every core.</b> An index of at least <c>parallelFrom</c> documents is searched as groups of segments
/// of about equal size, one per core, each keeping its own top k; the merged result is the same as one pass.
/// </para>
/// Thread-safe: instances hold no mutable state.
/// </summary>
/// <param name="snapshot">The index.</param>
/// <param name="asOfTicks">The instant whose statistics rank.</param>
/// <param name="parallelFrom">Indexes of at least this many documents (chunks) are searched on every core (<see cref="SearchSettings.ParallelFrom"/>).</param>
/// <param name="prune">False to score every visible match, skipping nothing: what pruning must never change the result of.</param>
internal sealed class PointInTimeSearch(IndexSnapshot snapshot, long asOfTicks, long parallelFrom, bool prune = true)
{
    // Bounds are widened a little so that float rounding in partial sums can never prune a competitive document.
    private const float BoundMargin = 1.0001f;

    public TopHits.Hit[] Search(IReadOnlyList<string> terms, long fromTicks, long toTicks, int k)
    {
        var similarity = snapshot.Similarity;
        var collection = snapshot.CollectionStatisticsAt(IndexSchema.Text, asOfTicks);
        var queryTerms = new List<QueryTerm>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = new Term(IndexSchema.Text, terms[i]);
            var context = snapshot.TermContextOf(term);
            if (context.DocFreq == 0)
            {
                continue;
            }

            var statistics = snapshot.TermStatisticsAt(term, context, asOfTicks);
            if (statistics.DocFreq == 0)
            {
                continue;
            }

            var upper = similarity.MaxScore(collection, statistics) * BoundMargin;
            var blocks = prune && collection.MaxDoc >= snapshot.ReferenceFrom ? snapshot.BlocksOf(term, context) : null;
            queryTerms.Add(new QueryTerm(i, term, context, similarity.Scorer(collection, statistics), upper, blocks));
        }

        var segments = snapshot.Segments.Where(segment => !segment.NoneWithin(fromTicks, toTicks)).ToList();
        var groups = Partition(segments);
        if (groups.Count == 1)
        {
            return ScoreSegments(groups[0], fromTicks, toTicks, queryTerms, terms.Count, k, new SharedBar(), prune).Results();
        }

        // Each group keeps its own top k: together they hold the overall top k, which the merge below picks
        // exactly as one pass would (the order of hits is total: score, then id hash, then chunk). The groups
        // share the best of their k-th scores, under which no document can make the overall top k.
        var partial = new TopHits[groups.Count];
        var bar = new SharedBar();
        Parallel.For(0, groups.Count, g => partial[g] = ScoreSegments(groups[g], fromTicks, toTicks, queryTerms, terms.Count, k, bar, prune));
        var top = new TopHits(k);
        foreach (var hit in partial.SelectMany(p => p.Results()))
        {
            top.Offer(hit.Score, hit.IdHash, hit.Segment, hit.Doc, hit.Chunk);
        }

        return top.Results();
    }

    /// <summary>
    /// The segments split into groups of about equal size, one per core, searched in parallel; a single group
    /// below <c>parallelFrom</c> documents (in-thread search is cheaper there).
    /// </summary>
    private List<List<SegmentVisibility>> Partition(List<SegmentVisibility> segments)
    {
        var documents = segments.Sum(s => (long)s.Ticks.Length);
        var count = documents < parallelFrom ? 1 : Math.Min(Environment.ProcessorCount, segments.Count);
        var groups = Enumerable.Range(0, Math.Max(count, 1)).Select(_ => new List<SegmentVisibility>()).ToList();
        var sizes = new long[groups.Count];
        foreach (var segment in segments.OrderByDescending(s => s.Ticks.Length).ThenBy(s => s.Context.Ord))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            groups[smallest].Add(segment);
            sizes[smallest] += segment.Ticks.Length;
        }

        return groups;
    }

    private static TopHits ScoreSegments(
        List<SegmentVisibility> segments, long fromTicks, long toTicks, List<QueryTerm> queryTerms, int termCount, int k, SharedBar bar, bool prune)
    {
        var top = new TopHits(k);
        var contributions = new float[termCount];
        foreach (var segment in segments)
        {
            ScoreSegment(segment, segment.Gate(fromTicks, toTicks), queryTerms, contributions, top, prune ? bar : null);
        }

        return top;
    }

    /// <summary>
    /// Scores the segment's visible matches into <paramref name="top"/>, pruning against <paramref name="bar"/> (shared
    /// with the other groups of segments), or, without one, scoring every match.
    /// </summary>
    private static void ScoreSegment(
        SegmentVisibility segment,
        SegmentGate gate,
        List<QueryTerm> queryTerms,
        float[] contributions,
        TopHits top,
        SharedBar? bar)
    {
        var context = segment.Context;
        var cursors = new List<Cursor>(queryTerms.Count);
        var termsEnum = segment.RentTerms();
        foreach (var queryTerm in queryTerms)
        {
            if (queryTerm.Context.Get(context.Ord) is not { } state || termsEnum is null)
            {
                continue;
            }

            termsEnum.SeekExact(queryTerm.Term.Bytes, state);
            var cursor = new Cursor(segment.RentDocs(termsEnum, gate.Accept), gate.End, queryTerm, context.Ord, segment.Norms is null ? null : queryTerm.Blocks, segment.Norms);
            cursor.AdvanceTo(gate.First);
            if (cursor.Doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                cursors.Add(cursor);
            }
            else
            {
                segment.Return(cursor.Docs);
            }
        }

        if (termsEnum is not null)
        {
            segment.Return(termsEnum);
        }

        Score(cursors, segment, contributions, top, bar);
        foreach (var cursor in cursors)
        {
            segment.Return(cursor.Docs);
        }
    }

    /// <summary>
    /// MaxScore, window by window. Documents are taken in windows of <see cref="TermBlocks.Width"/> numbers (one window
    /// of the whole segment when no term has window bounds there), and in each window every cursor is bounded by
    /// what its term can score there: the cursors whose bounds together cannot reach the bar are only probed for the
    /// documents the others find, and a window where no cursor's bound would lift the rest to the bar is skipped.
    /// Without a bar, every document is scored.
    /// </summary>
    private static void Score(List<Cursor> cursors, SegmentVisibility segment, float[] contributions, TopHits top, SharedBar? bar)
    {
        var n = cursors.Count;
        var windowed = bar is not null && cursors.Exists(c => c.HasWindows);
        var order = new int[n];
        var bounds = new float[n];
        var windowBounds = new float[n];
        var decided = 0;
        var windowEnd = 0;
        var essential = n;
        float Bar() => bar is null ? float.NegativeInfinity : bar.Above(top.Threshold);
        while (true)
        {
            if (decided >= windowEnd)
            {
                // Every document before `decided` is decided. Cursors the last window did not need may lag behind it
                // (they are moved only when they matter): theirs is the first window holding any of their postings.
                var start = DocIdSetIterator.NO_MORE_DOCS;
                foreach (var cursor in cursors)
                {
                    start = Math.Min(start, cursor.Doc >= decided ? cursor.Doc : cursor.NextWindowFrom(decided));
                }

                if (start == DocIdSetIterator.NO_MORE_DOCS)
                {
                    return;
                }

                windowEnd = windowed ? ((start >> TermBlocks.Shift) + 1) << TermBlocks.Shift : DocIdSetIterator.NO_MORE_DOCS;
                OrderByBound(cursors, start, windowEnd, order, windowBounds, bounds);
                essential = FirstEssential(bounds, Bar());
                for (var j = essential; j < n; j++)
                {
                    if (cursors[order[j]].Doc < start)
                    {
                        cursors[order[j]].AdvanceTo(start);
                    }
                }
            }

            // The next candidate: the first document of an essential cursor in the window (essential cursors only
            // become fewer within a window, as the bar rises).
            var doc = DocIdSetIterator.NO_MORE_DOCS;
            for (var j = essential; j < n; j++)
            {
                doc = Math.Min(doc, cursors[order[j]].Doc);
            }

            if (doc >= windowEnd)
            {
                if (windowEnd == DocIdSetIterator.NO_MORE_DOCS)
                {
                    return;
                }

                // Nothing left in the window can reach the bar.
                decided = windowEnd;
                continue;
            }

            var partial = 0f;
            for (var j = essential; j < n; j++)
            {
                partial += cursors[order[j]].ScoreIfAt(doc, contributions);
            }

            var competitive = true;
            var threshold = Bar();
            for (var j = essential - 1; j >= 0; j--)
            {
                if (partial + bounds[j] < threshold)
                {
                    competitive = false;
                    break;
                }

                var cursor = cursors[order[j]];
                if (cursor.Doc < doc)
                {
                    cursor.AdvanceTo(doc);
                }

                partial += cursor.ScoreIfAt(doc, contributions);
            }

            if (competitive)
            {
                // The exact score adds the term scores in query order, whatever order they were found in.
                var score = 0f;
                foreach (var contribution in contributions)
                {
                    score += contribution;
                }

                if (score >= top.Threshold)
                {
                    top.Offer(score, segment.IdHashes[doc], segment.Context.Ord, doc, segment.ChunkOf(doc));
                    bar?.Raise(top.Threshold);
                }

                essential = FirstEssential(bounds, Bar());
            }

            contributions.AsSpan().Clear();
            for (var j = essential; j < n; j++)
            {
                var cursor = cursors[order[j]];
                if (cursor.Doc == doc)
                {
                    cursor.Next();
                }
            }
        }
    }

    /// <summary>
    /// Orders the cursors by what they can score in the window [<paramref name="start"/>, <paramref name="end"/>)
    /// (nothing when past it), lowest first, and sums those bounds up in that order.
    /// </summary>
    private static void OrderByBound(List<Cursor> cursors, int start, int end, int[] order, float[] windowBounds, float[] bounds)
    {
        for (var j = 0; j < order.Length; j++)
        {
            var bound = cursors[j].Doc >= end ? 0f : cursors[j].BoundAt(start);
            // (A cursor lagging behind the window is bounded by its term's bound there, whatever its position.)
            var at = j;
            while (at > 0 && windowBounds[at - 1] > bound)
            {
                windowBounds[at] = windowBounds[at - 1];
                order[at] = order[at - 1];
                at--;
            }

            windowBounds[at] = bound;
            order[at] = j;
        }

        for (var j = 0; j < order.Length; j++)
        {
            bounds[j] = (j == 0 ? 0 : bounds[j - 1]) + windowBounds[j];
        }
    }

    private static int FirstEssential(float[] bounds, float threshold)
    {
        var e = 0;
        while (e < bounds.Length && bounds[e] < threshold)
        {
            e++;
        }

        return e;
    }

    /// <summary>
    /// The highest k-th score any group of segments has kept so far: the overall k-th score is at least that,
    /// so a document scoring strictly less can be skipped by every group (ties still go to the merge).
    /// </summary>
    private sealed class SharedBar
    {
        private float value = float.NegativeInfinity;

        /// <summary>The bar to prune with: the higher of this and a group's own threshold.</summary>
        public float Above(float own) => Math.Max(own, Volatile.Read(ref value));

        public void Raise(float threshold)
        {
            var current = Volatile.Read(ref value);
            while (threshold > current)
            {
                var seen = Interlocked.CompareExchange(ref value, threshold, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }

    private sealed record QueryTerm(int Index, Term Term, TermContext Context, TermScorer Scorer, float Upper, TermBlocks? Blocks);

    /// <summary>
    /// A term's postings within the gate in the segment numbered <paramref name="ord"/>: documents from
    /// <paramref name="end"/> on count as the end of the list. <paramref name="blocks"/> are the term's window bounds
    /// (null when the segment's documents have no norms).
    /// </summary>
    private sealed class Cursor(DocsEnum docs, int end, QueryTerm term, int ord, TermBlocks? blocks, byte[]? norms)
    {
        /// <summary>The postings read (given back to the segment once the search is done with them).</summary>
        public DocsEnum Docs => docs;

        /// <summary>The current document; <see cref="DocIdSetIterator.NO_MORE_DOCS"/> past the last (or before the first move).</summary>
        public int Doc { get; private set; } = -1;

        /// <summary>True when the term has window bounds in the segment.</summary>
        public bool HasWindows => blocks is not null && blocks.HasWindows(ord);

        /// <summary>
        /// Where the first window at or after <paramref name="from"/> holding any of the term's postings starts (at
        /// <paramref name="from"/> at the earliest; <paramref name="from"/> itself without window bounds).
        /// </summary>
        public int NextWindowFrom(int from)
        {
            var start = blocks is null ? from : blocks.NextWindowFrom(ord, from);
            return start >= end ? DocIdSetIterator.NO_MORE_DOCS : start;
        }

        /// <summary>What the term can add to a score in the window of <paramref name="doc"/>.</summary>
        public float BoundAt(int doc) => blocks is null ? term.Upper : blocks.Bound(ord, doc, term.Upper);

        public void Next() => Doc = Gated(docs.NextDoc());

        /// <summary>Moves to the first document at or after <paramref name="target"/> (which is ahead of the current one).</summary>
        public void AdvanceTo(int target) => Doc = Gated(target <= 0 ? docs.NextDoc() : docs.Advance(target));

        private int Gated(int doc) => doc >= end ? DocIdSetIterator.NO_MORE_DOCS : doc;

        /// <summary>The term's score for <paramref name="doc"/> if the cursor is on it (recorded by query position), else 0.</summary>
        public float ScoreIfAt(int doc, float[] contributions)
        {
            if (Doc != doc)
            {
                return 0f;
            }

            var score = norms is null ? term.Scorer.ScoreWithoutNorms(docs.Freq) : term.Scorer.Score(docs.Freq, norms[doc]);
            contributions[term.Index] = score;
            return score;
        }
    }
}
