using System.Globalization;
using FutureSim.Core.Articles;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// The work of one indexing thread on an <see cref="IndexingBlock"/>, with its own reusable buffers, document
/// and fields: parsing the block's lines (articles, id hashes, chunks, store records), and, once the block is
/// admitted, analysing each chunk once into a buffer whose terms are both counted (for point-in-time
/// statistics) and replayed into Lucene, adding the chunks as one Lucene block, and writing their records.
/// </summary>
internal sealed class BlockIndexer
{
    private static readonly FieldType TextFieldType = CreateFieldType(tokenized: true);
    private static readonly FieldType BlockFieldType = CreateFieldType(tokenized: false);

    private readonly RawRecord record = new();
    private readonly ArticleStore.Encoder encoder = new();
    private readonly TokenBuffer terms = new();
    private readonly TokenBufferStream stream = new();
    private readonly Field blockField = new(IndexSchema.Block, "", BlockFieldType);
    private readonly Document document;

    public BlockIndexer()
    {
        document = [new Field(IndexSchema.Text, stream, TextFieldType), blockField];
    }

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

    /// <summary>Indexes the block's admitted chunks as one Lucene block, each carrying the block's first sequence number, and writes their records.</summary>
    public void Index(IndexingBlock block, IndexWriter writer, DocumentMetaFile.Writer meta)
    {
        if (block.Entries.Count == 0)
        {
            return;
        }

        block.SizeMetaRecords();
        blockField.SetStringValue(block.FirstSequence.ToString(CultureInfo.InvariantCulture));
        writer.AddDocuments(Prepared(block));
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

    /// <summary>The block's documents, each analysed just before Lucene takes it, with its record written.</summary>
    private IEnumerable<IEnumerable<IIndexableField>> Prepared(IndexingBlock block)
    {
        for (var i = 0; i < block.Entries.Count; i++)
        {
            Prepare(block, i);
            yield return document;
        }
    }

    private void Prepare(IndexingBlock block, int i)
    {
        var entry = block.Entries[i];
        terms.Clear();
        AnalyzeSearchableText(entry.Article, entry.ChunkBody, entry.Chunk, terms);
        stream.SetTerms(terms);
        new DocumentMeta(entry.Article.VisibleAt.UtcTicks, entry.IdHash, terms.Count, entry.StoreOffset, entry.Chunk).WriteTo(block.MetaRecord(i));
    }

    private static FieldType CreateFieldType(bool tokenized)
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = tokenized,
            IsStored = false,
            OmitNorms = !tokenized,
            IndexOptions = tokenized ? IndexOptions.DOCS_AND_FREQS : IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }
}
