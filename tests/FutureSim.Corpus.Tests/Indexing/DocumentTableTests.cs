using FutureSim.Core.Articles;
using FutureSim.Core.Input;
using FutureSim.Corpus.Indexing;
using Lucene.Net.Store;

namespace FutureSim.Corpus.Tests.Indexing;

public sealed class DocumentTableTests : TempCorporaTests
{
    [Fact]
    public void ATableKeepsEachRecordBySequenceAndOrdersInstantsTermsAndArticles()
    {
        // Sequence: 0 article A (two chunks: 0, 1), 2 article B (no terms), 3 article C.
        var path = Write(
            new DocumentMeta(VisibleTicks: 30, IdHash: 7, TermCount: 5, StoreOffset: 0, Chunk: 0),
            new DocumentMeta(VisibleTicks: 30, IdHash: 7, TermCount: 2, StoreOffset: 0, Chunk: 1),
            new DocumentMeta(VisibleTicks: 10, IdHash: -4, TermCount: 0, StoreOffset: 100, Chunk: 0),
            new DocumentMeta(VisibleTicks: 20, IdHash: 3, TermCount: 4, StoreOffset: 200, Chunk: 0));

        var table = DocumentTable.Read(path, 4);

        Assert.Equal(4, table.Count);
        Assert.Equal([30L, 30, 10, 20], table.Ticks);
        Assert.Equal([7L, 7, -4, 3], table.IdHashes);
        Assert.Equal([0L, 0, 100, 200], table.StoreOffsets);
        Assert.Equal([0, 1, 0, 0], table.Chunks!);
        Assert.Equal([10L, 20, 30, 30], table.SortedTicks);
        Assert.Equal(new long[] { 0, 0, 4 }, table.TermPrefix[..3]);
        Assert.Equal(11, table.TermPrefix[4]);
        Assert.Equal([10L], table.EmptyTicks);
        Assert.Equal([10L, 20, 30], table.ArticleTicks);
        Assert.Equal([-4L, 3, 7], table.SortedIdHashes);
        Assert.Equal([2, 3, 0], table.IdSequences);
    }

    [Fact]
    public void ATableOfFirstChunksOnlyHasNoChunkNumbers()
    {
        var path = Write(new DocumentMeta(5, 1, 1, 0, 0), new DocumentMeta(6, 2, 1, 50, 0));

        Assert.Null(DocumentTable.Read(path, 2).Chunks);
    }

    [Fact]
    public void AFileWithFewerRecordsThanAskedForIsInvalidData()
    {
        var path = Write(new DocumentMeta(5, 1, 1, 0, 0));

        var error = Assert.Throws<InvalidDataException>(() => DocumentTable.Read(path, 2));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexDoesNotOpenWithATableOfAnotherNumberOfDocuments()
    {
        var index = Corpora.IndexDirectory();
        var news = Corpora.Write("news.jsonl",
            TestCorpora.CurrentEvents("wce-1", "2025-01-01", "2025-01-01T08:00:00Z", "Parliament passes the budget."),
            TestCorpora.CurrentEvents("wce-2", "2025-01-02", "2025-01-02T08:00:00Z", "A storm hits the coast."));
        LuceneCorpus.OpenOrBuild(index, [news], VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None).Corpus.Dispose();
        var shortTable = DocumentTable.Read(Path.Combine(index, DocumentMetaFile.FileName), 1);

        var error = Assert.Throws<InvalidDataException>(() => IndexSnapshot.Open(
            new MMapDirectory(new DirectoryInfo(Path.Combine(index, "lucene"))), Path.Combine(index, ArticleStore.FileName), shortTable));
        Assert.Contains("1 records for the index's 2 documents", error.Message, StringComparison.Ordinal);
    }

    private string Write(params DocumentMeta[] records)
    {
        var path = Path.Combine(Corpora.Root, DocumentMetaFile.FileName);
        var bytes = new byte[records.Length * DocumentMeta.Length];
        for (var i = 0; i < records.Length; i++)
        {
            records[i].WriteTo(bytes.AsSpan(i * DocumentMeta.Length, DocumentMeta.Length));
        }

        File.WriteAllBytes(path, bytes);
        return path;
    }
}
