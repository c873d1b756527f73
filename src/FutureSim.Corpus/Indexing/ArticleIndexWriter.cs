using FutureSim.Core.Articles;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Adds articles to a Lucene index as fast as one thread allows: each article is analysed once into a
/// reusable buffer whose terms are both counted (for point-in-time statistics) and replayed into the
/// index; one reused document; a large RAM buffer, no compound files, serial merges, one commit.
/// Articles go to the <see cref="ArticleStore"/>, not to Lucene's stored fields. Nothing is visible to
/// readers until <see cref="Commit"/>; disposing without committing rolls back.
/// </summary>
internal sealed class ArticleIndexWriter : IDisposable
{
    private const double RamBufferMegabytes = 192;

    private static readonly FieldType TextFieldType = CreateTextFieldType();

    private readonly IndexWriter writer;
    private readonly Document document = [];
    private readonly TokenBuffer terms = new();
    private readonly TokenBufferStream termStream = new();
    private readonly byte[] metaBytes = new byte[DocumentMeta.Length];
    private readonly ArticleStore.Writer store;
    private bool committed;

    /// <param name="directory">The Lucene directory.</param>
    /// <param name="create">True to start a new index, false to append to the committed one.</param>
    /// <param name="storePath">The article store file.</param>
    /// <param name="committedStoreLength">How much of the store the committed index refers to (0 for a new index).</param>
    public ArticleIndexWriter(LuceneDirectory directory, bool create, string storePath, long committedStoreLength)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new NewsAnalyzer())
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            Similarity = new NewsSimilarity(),
            RAMBufferSizeMB = RamBufferMegabytes,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            MergeScheduler = new SerialMergeScheduler(),
        };
        store = new ArticleStore.Writer(storePath, committedStoreLength);
        writer = new IndexWriter(directory, config);
        document.Add(new Field(IndexSchema.Text, termStream, TextFieldType));
        document.Add(new BinaryDocValuesField(IndexSchema.Meta, new BytesRef(metaBytes)));
    }

    /// <summary>How many articles this writer added (an article of several chunks is several index documents).</summary>
    public int Added { get; private set; }

    /// <summary>Stores the article once and indexes each of its chunks (<see cref="ArticleChunks"/>) as a document pointing at it.</summary>
    public void Add(Article article)
    {
        var offset = store.Append(article);
        var idHash = StableHash.Of(article.Id.Value);
        var chunks = ArticleChunks.Split(article.Body);
        for (var chunk = 0; chunk < chunks.Count; chunk++)
        {
            terms.Clear();
            AnalyzeSearchableText(article, chunks.Count == 1 ? article.Body : article.Body[chunks[chunk]], chunk, terms);
            termStream.SetTerms(terms);
            new DocumentMeta(article.VisibleAt.UtcTicks, idHash, terms.Count, offset, chunk).WriteTo(metaBytes);
            writer.AddDocument(document);
        }

        Added++;
    }

    /// <summary>How far the article store reaches, including uncommitted articles.</summary>
    public long StoreLength => store.Length;

    /// <summary>
    /// Makes everything added durable and visible to new readers, atomically with <paramref name="commitData"/>:
    /// the store is flushed to disk first, so a commit never refers to articles that are not there.
    /// </summary>
    public void Commit(IDictionary<string, string> commitData)
    {
        store.Flush();
        writer.SetCommitData(commitData);
        writer.Commit();
        committed = true;
    }

    public void Dispose()
    {
        store.Dispose();
        if (committed)
        {
            writer.Dispose();
        }
        else
        {
            writer.Rollback();
        }
    }

    /// <summary>
    /// The searchable text of one chunk: the title (unless the article's body starts with it and this is the
    /// first chunk), for the first chunk the topics other than the title, then the chunk's body.
    /// </summary>
    internal static void AnalyzeSearchableText(Article article, string chunkBody, int chunk, TokenBuffer into)
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

    private static FieldType CreateTextFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = false,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
        };
        type.Freeze();
        return type;
    }
}
