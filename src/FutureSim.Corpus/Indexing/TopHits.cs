namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The best <c>k</c> documents offered so far. Equal scores are ordered by the id hash, then by chunk, so the
/// ranking does not depend on where documents happen to sit in the index (which changes when articles are
/// added, and with the order in which indexing threads flush).
/// </summary>
internal sealed class TopHits(int k)
{
    private readonly Hit[] heap = new Hit[k];
    private int count;

    /// <summary>The score a document must reach to enter (a tie is settled by id hash); negative infinity until k are kept.</summary>
    public float Threshold => count == heap.Length ? heap[0].Score : float.NegativeInfinity;

    public void Offer(float score, long idHash, int segment, int doc, int chunk)
    {
        var hit = new Hit(score, idHash, segment, doc, chunk);
        if (count < heap.Length)
        {
            heap[count] = hit;
            SiftUp(count++);
            return;
        }

        ref var worst = ref heap[0];
        if (!IsWorse(worst, hit))
        {
            return;
        }

        worst = hit;
        SiftDown(0);
    }

    /// <summary>The kept documents, best first.</summary>
    public Hit[] Results()
    {
        var results = heap.AsSpan(0, count).ToArray();
        Array.Sort(results, (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return results;
    }

    private static bool IsWorse(in Hit a, in Hit b) =>
        a.Score < b.Score || (a.Score == b.Score && (a.IdHash > b.IdHash || (a.IdHash == b.IdHash && a.Chunk > b.Chunk)));

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsWorse(heap[i], heap[parent]))
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            var worst = left + 1 < count && IsWorse(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!IsWorse(heap[worst], heap[i]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <summary>One kept document: its score, id hash, segment ordinal, document number in the segment, and which chunk of its article it is.</summary>
    internal readonly record struct Hit(float Score, long IdHash, int Segment, int Doc, int Chunk = 0);
}
