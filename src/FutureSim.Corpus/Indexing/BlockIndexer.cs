using FutureSim.Core.Articles;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The work of one indexing thread on an <see cref="IndexingBlock"/>, with its own reusable buffers: parsing the
/// block's lines (articles, id hashes, chunks, store records), and, once the block is admitted, analysing each
/// chunk once, adding its terms to the thread's <see cref="InvertedBatch"/> and writing its record.
/// </summary>
internal sealed class BlockIndexer
{
    private readonly RawRecord record = new();
    private readonly ArticleStore.Encoder encoder = new();
    private readonly TokenBuffer terms = new();

    /// <summary>Parses every line of the block (in any order with other blocks: nothing here depends on what was read before).</summary>
    public void Parse(IndexingBlock block, VisibilityPolicy policy)
    {
        for (var i = 0; i < block.LineCount; i++)
        {
            var parsed = CorpusReader.Parse(block.Line(i), block.File.Format, policy, record);
            if (parsed.Article is { } article)
            {
                block.Parsed.Add(new IndexingBlock.ParsedArticle(parsed, StableHash.Of(article.Id.Value), ArticleChunks.Split(article.Body)));
                block.AddRecord(encoder.Encode(article));
            }
            else
            {
                block.Parsed.Add(new IndexingBlock.ParsedArticle(parsed, 0, null));
                block.AddRecord([]);
            }
        }
    }

    /// <summary>Adds the block's admitted chunks to <paramref name="batch"/>, each carrying the block's first sequence number, and writes their records.</summary>
    public void Index(IndexingBlock block, InvertedBatch batch, DocumentMetaFile.Writer meta)
    {
        if (block.Entries.Count == 0)
        {
            return;
        }

        block.SizeMetaRecords();
        for (var i = 0; i < block.Entries.Count; i++)
        {
            var entry = block.Entries[i];
            terms.Clear();
            AnalyzeSearchableText(entry.Article, entry.ChunkBody, entry.Chunk, terms);
            batch.Add(terms, block.FirstSequence);
            new DocumentMeta(entry.Article.VisibleAt.UtcTicks, entry.IdHash, terms.Count, entry.StoreOffset, entry.Chunk).WriteTo(block.MetaRecord(i));
        }

        meta.Write(block.FirstSequence, block.MetaRecords.AsSpan(0, block.Entries.Count * DocumentMeta.Length));
    }

    /// <summary>
    /// The searchable text of one chunk: the title (unless the article's body starts with it and this is the
    /// first chunk), for the first chunk the topics other than the title, then the chunk's body.
    /// </summary>
    internal static void AnalyzeSearchableText(Article article, ReadOnlySpan<char> chunkBody, int chunk, TokenBuffer into)
    {
        if (chunk > 0 || !article.Body.StartsWith(article.Title, StringComparison.Ordinal))
        {
            NewsTokenizer.Analyze(article.Title, into);
        }

        if (chunk == 0)
        {
            foreach (var topic in article.Topics)
            {
                if (!string.Equals(topic, article.Title, StringComparison.Ordinal))
                {
                    NewsTokenizer.Analyze(topic, into);
                }
            }
        }

        NewsTokenizer.Analyze(chunkBody, into);
    }
}
