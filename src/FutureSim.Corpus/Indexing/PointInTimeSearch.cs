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
/// <b>Gate before top-k.</b> Postings are read with the segment's visibility window as Lucene's accept-docs,
/// so invisible documents are never scored or counted; top-k is taken among visible matches only.
/// </para>
/// <para>
/// <b>MaxScore.</b> The query is an OR of terms. Each term's score is bounded by its BM25 weight times
/// (k1 + 1); once k hits are kept, terms whose bounds together cannot reach the k-th score are no longer
/// iterated, only probed for documents the other terms find. This skips most postings of frequent words.
/// </para>
/// Thread-safe: instances hold no mutable state.
/// </summary>
internal sealed class PointInTimeSearch(IndexSnapshot snapshot, long asOfTicks)
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
            var context = TermContext.Build(snapshot.Reader.Context, term);
            if (context.DocFreq == 0)
            {
                continue;
            }

            var statistics = snapshot.TermStatisticsAt(term, context, asOfTicks);
            if (statistics.DocFreq == 0)
            {
                continue;
            }

            var weight = similarity.ComputeWeight(1f, collection, statistics);
            weight.GetValueForNormalization();
            weight.Normalize(1f, 1f);
            var upper = similarity.MaxScore(collection, statistics) * BoundMargin;
            queryTerms.Add(new QueryTerm(i, term, context, weight, upper));
        }

        queryTerms.Sort((a, b) => a.Upper != b.Upper ? a.Upper.CompareTo(b.Upper) : a.Index.CompareTo(b.Index));
        var top = new TopHits(k);
        var contributions = new float[terms.Count];
        foreach (var segment in snapshot.Segments)
        {
            if (!segment.NoneWithin(fromTicks, toTicks))
            {
                ScoreSegment(segment, segment.AcceptDocs(fromTicks, toTicks), queryTerms, similarity, contributions, top);
            }
        }

        return top.Results();
    }

    private static void ScoreSegment(
        SegmentVisibility segment,
        Lucene.Net.Util.IBits? acceptDocs,
        List<QueryTerm> queryTerms,
        Similarity similarity,
        float[] contributions,
        TopHits top)
    {
        var context = segment.Context;
        var cursors = new List<Cursor>(queryTerms.Count);
        foreach (var queryTerm in queryTerms)
        {
            if (queryTerm.Context.Get(context.Ord) is not { } state)
            {
                continue;
            }

            var termsEnum = context.AtomicReader.GetTerms(IndexSchema.Text)!.GetEnumerator();
            termsEnum.SeekExact(queryTerm.Term.Bytes, state);
            var docs = termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
            var first = docs.NextDoc();
            if (first != DocIdSetIterator.NO_MORE_DOCS)
            {
                cursors.Add(new Cursor(docs, similarity.GetSimScorer(queryTerm.Weight, context), queryTerm.Upper, queryTerm.Index) { Doc = first });
            }
        }

        var n = cursors.Count;
        var bounds = new float[n];
        for (var j = 0; j < n; j++)
        {
            bounds[j] = (j == 0 ? 0 : bounds[j - 1]) + cursors[j].Upper;
        }

        // Cursors [0, essential) cannot make a document competitive on their own: they are only probed.
        var essential = FirstEssential(bounds, top.Threshold);
        while (essential < n)
        {
            var doc = DocIdSetIterator.NO_MORE_DOCS;
            for (var j = essential; j < n; j++)
            {
                doc = Math.Min(doc, cursors[j].Doc);
            }

            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                break;
            }

            var partial = 0f;
            for (var j = essential; j < n; j++)
            {
                partial += cursors[j].ScoreIfAt(doc, contributions);
            }

            var competitive = true;
            for (var j = essential - 1; j >= 0; j--)
            {
                if (partial + bounds[j] < top.Threshold)
                {
                    competitive = false;
                    break;
                }

                var cursor = cursors[j];
                if (cursor.Doc < doc)
                {
                    cursor.Doc = cursor.Docs.Advance(doc);
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
                    top.Offer(score, segment.IdHashes[doc], context.Ord, doc, segment.ChunkOf(doc));
                }

                essential = FirstEssential(bounds, top.Threshold);
            }

            Array.Clear(contributions);
            for (var j = essential; j < n; j++)
            {
                var cursor = cursors[j];
                if (cursor.Doc == doc)
                {
                    cursor.Doc = cursor.Docs.NextDoc();
                }
            }
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

    private sealed record QueryTerm(int Index, Term Term, TermContext Context, Similarity.SimWeight Weight, float Upper);

    private sealed class Cursor(DocsEnum docs, Similarity.SimScorer scorer, float upper, int index)
    {
        public DocsEnum Docs { get; } = docs;

        public float Upper { get; } = upper;

        public int Doc { get; set; }

        /// <summary>The term's score for <paramref name="doc"/> if the cursor is on it (recorded by query position), else 0.</summary>
        public float ScoreIfAt(int doc, float[] contributions)
        {
            if (Doc != doc)
            {
                return 0f;
            }

            var score = scorer.Score(doc, Docs.Freq);
            contributions[index] = score;
            return score;
        }
    }
}
