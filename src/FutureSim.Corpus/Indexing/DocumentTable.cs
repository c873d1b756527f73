namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The <see cref="DocumentMetaFile"/> in memory, by sequence number, with the orderings an <see cref="IndexSnapshot"/>
/// needs that do not depend on where Lucene placed each document: every document's instant sorted, with prefix sums
/// of the term counts in that order; the instants of the documents without terms and of the articles (first chunks),
/// sorted; and the articles' id hashes sorted, each with its first chunk's sequence number. Being independent of the
/// index, it can be read while a build is still writing its last segments.
/// </summary>
internal sealed class DocumentTable
{
    private DocumentTable(int count)
    {
        Ticks = new long[count];
        IdHashes = new long[count];
        StoreOffsets = new long[count];
    }

    /// <summary>How many documents (chunks) the table holds.</summary>
    public int Count => Ticks.Length;

    /// <summary>Each document's visibility instant (UTC ticks), by sequence number.</summary>
    public long[] Ticks { get; }

    /// <summary>Each document's article id hash, by sequence number.</summary>
    public long[] IdHashes { get; }

    /// <summary>Where each document's article sits in the <see cref="ArticleStore"/>, by sequence number.</summary>
    public long[] StoreOffsets { get; }

    /// <summary>Each document's chunk number, by sequence number; null when every document is a first (or only) chunk.</summary>
    public int[]? Chunks { get; private set; }

    /// <summary>Every document's instant, ascending.</summary>
    public long[] SortedTicks { get; private set; } = [];

    /// <summary>Element i is the number of terms of the first i documents of <see cref="SortedTicks"/> (one more element than documents).</summary>
    public long[] TermPrefix { get; private set; } = [];

    /// <summary>The instants of the documents that have no term, ascending.</summary>
    public long[] EmptyTicks { get; private set; } = [];

    /// <summary>The articles' instants (their first chunks'), ascending.</summary>
    public long[] ArticleTicks { get; private set; } = [];

    /// <summary>The articles' id hashes, ascending.</summary>
    public long[] SortedIdHashes { get; private set; } = [];

    /// <summary>The sequence number of the first chunk of the article of each <see cref="SortedIdHashes"/> entry.</summary>
    public int[] IdSequences { get; private set; } = [];

    /// <summary>Reads the first <paramref name="count"/> records of the document table at <paramref name="metaPath"/> and orders them.</summary>
    /// <exception cref="InvalidDataException">The file holds fewer records.</exception>
    public static DocumentTable Read(string metaPath, int count)
    {
        var table = new DocumentTable(count);
        var termCounts = new int[count];
        var empty = new List<long>();
        var articles = new List<long>();
        var idHashes = new List<long>();
        var idSequences = new List<int>();
        DocumentMetaFile.Read(metaPath, count, (sequence, values) =>
        {
            table.Ticks[sequence] = values.VisibleTicks;
            table.IdHashes[sequence] = values.IdHash;
            table.StoreOffsets[sequence] = values.StoreOffset;
            termCounts[sequence] = values.TermCount;
            if (values.Chunk != 0)
            {
                (table.Chunks ??= new int[count])[sequence] = values.Chunk;
            }
            else
            {
                articles.Add(values.VisibleTicks);
                idHashes.Add(values.IdHash);
                idSequences.Add(sequence);
            }

            if (values.TermCount == 0)
            {
                empty.Add(values.VisibleTicks);
            }
        });

        var sorted = (long[])table.Ticks.Clone();
        Array.Sort(sorted, termCounts);
        var prefix = new long[count + 1];
        for (var i = 0; i < count; i++)
        {
            prefix[i + 1] = prefix[i] + termCounts[i];
        }

        table.SortedTicks = sorted;
        table.TermPrefix = prefix;
        table.EmptyTicks = [.. empty.Order()];
        table.ArticleTicks = [.. articles.Order()];
        table.SortedIdHashes = [.. idHashes];
        table.IdSequences = [.. idSequences];
        Array.Sort(table.SortedIdHashes, table.IdSequences);
        return table;
    }
}
