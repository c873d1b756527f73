using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FutureSim.Core.Input;
using FutureSim.Corpus.Loading;
using FutureSim.Corpus.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FutureSim.Corpus.Indexing;

/// <summary>
/// Adds corpus files to a Lucene index with every core. The calling thread only reads lines and hands them
/// over in <see cref="IndexingBlock"/>s; each indexing thread (<see cref="BlockIndexer"/>) parses a block, then,
/// taking its turn in reading order (<see cref="Turnstile"/>), admits its articles through the
/// <see cref="CorpusReader"/> (bad and repeated records decided exactly as a sequential read would), appends
/// them to the <see cref="ArticleStore"/> and numbers their chunks (sequence numbers), and then, in parallel with
/// the other threads again, indexes the chunks and writes their <see cref="DocumentMeta"/> records to the
/// <see cref="DocumentMetaFile"/>. So the store and the document table come out the same whatever the
/// threads do; which Lucene document is which record is recorded by <see cref="IndexSchema.Block"/>, and search
/// results do not depend on the order of Lucene documents (ties are broken by id hash and chunk).
/// <para>
/// Each indexing thread inverts its documents in memory (<see cref="InvertedBatch"/>) and, whenever the batch
/// reaches its share of the memory budget and at the end, writes it out as a segment of its own part index (its
/// own Lucene writer in a folder of its own), so that writing segments and merging them run on every core rather
/// than one after the other in the committing thread. Once every thread has indexed its last block,
/// <see cref="Finish"/> opens the index's own writer, and each thread, its part written, moves the part's segments
/// into the index as they are (a rename, not a copy). A batch is written only between blocks, so a block's documents
/// stay together in one segment.
/// </para>
/// Nothing is visible to readers until <see cref="Commit"/>; disposing without committing rolls back.
/// </summary>
internal sealed class ArticleIndexWriter : IDisposable
{
    /// <summary>Memory for the threads' in-memory batches, shared equally.</summary>
    private const long BatchBytes = 192L << 20;

    /// <summary>The size at which the first thread writes its first batch.</summary>
    private const long FirstBatchBytes = 8L << 20;

    private readonly string indexPath;
    private readonly OpenMode mode;
    private readonly string partsPath;
    private readonly PartDirectory?[] partDirectories;
    private readonly IndexWriter?[] parts;
    private readonly CorpusReader reader;
    private readonly ArticleStore.Writer store;
    private readonly DocumentMetaFile.Writer meta;
    private readonly BlockingCollection<IndexingBlock> full;
    private readonly ConcurrentBag<IndexingBlock> free = [];
    private readonly Turnstile turnstile = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread[] threads;
    private readonly CountdownEvent indexing;
    private readonly ManualResetEventSlim opened = new();
    private readonly long batchBytes;
    private MMapDirectory? directory;
    private IndexWriter? writer;
    private IndexingBlock current = new();
    private int posted;
    private int nextSequence;
    private int added;
    private Exception? failure;
    private bool committed;

    /// <param name="indexPath">The Lucene index's folder (opened when the parts join it).</param>
    /// <param name="partsPath">A folder for the threads' part indexes (emptied first, removed once they have joined the index).</param>
    /// <param name="create">True to start a new index, false to append to the committed one.</param>
    /// <param name="reader">Decides which records join the corpus (and remembers the ids already in it).</param>
    /// <param name="storePath">The article store file.</param>
    /// <param name="committedStoreLength">How much of the store the committed index refers to (0 for a new index).</param>
    /// <param name="metaPath">The document table (<see cref="DocumentMetaFile"/>).</param>
    /// <param name="committedDocuments">How many index documents the committed index holds (0 for a new index).</param>
    /// <param name="threadCount">Indexing threads (the calling thread only reads).</param>
    public ArticleIndexWriter(
        string indexPath,
        string partsPath,
        bool create,
        CorpusReader reader,
        string storePath,
        long committedStoreLength,
        string metaPath,
        int committedDocuments,
        int threadCount)
    {
        threadCount = Math.Max(threadCount, 1);
        this.reader = reader;
        this.partsPath = partsPath;
        store = new ArticleStore.Writer(storePath, committedStoreLength);
        meta = new DocumentMetaFile.Writer(metaPath, committedDocuments);
        this.indexPath = indexPath;
        mode = create ? OpenMode.CREATE : OpenMode.APPEND;
        batchBytes = BatchBytes / threadCount;
        nextSequence = committedDocuments;
        DeleteParts();
        partDirectories = new PartDirectory?[threadCount];
        parts = new IndexWriter?[threadCount];
        full = new BlockingCollection<IndexingBlock>(threadCount * 2);
        indexing = new CountdownEvent(threadCount);
        threads = new Thread[threadCount];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Run) { IsBackground = true, Name = $"corpus-index-{i}" };
            threads[i].Start(i);
        }
    }

    /// <summary>Indexing threads for this machine: one per core, which with the reading thread keeps every core busy.</summary>
    public static int DefaultThreads => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>How many articles have been admitted so far (an article of several chunks is several index documents).</summary>
    public int Added => Volatile.Read(ref added);

    /// <summary>How many index documents the index holds with what this writer added (final after <see cref="Finish"/>).</summary>
    public int Documents => nextSequence;

    /// <summary>How far the article store reaches, including uncommitted articles (final after <see cref="Finish"/>).</summary>
    public long StoreLength => store.Length;

    /// <summary>Reads a corpus file's lines and queues them for indexing, calling <paramref name="onBlock"/> after each block.</summary>
    /// <exception cref="Exception">Whatever an indexing thread failed with (a bad record, with <see cref="InvalidRecordHandling.Fail"/>), rethrown here.</exception>
    public void AddFile(CorpusFile file, Action onBlock)
    {
        current.Reset(file, posted);
        foreach (var line in JsonLinesFile.ReadLines(file.Path))
        {
            current.AddLine(line);
            if (current.IsFull)
            {
                Post(file);
                onBlock();
            }
        }

        Post(file);
    }

    /// <summary>
    /// Waits for every queued line to be indexed (after which the counts are final), flushes the article store and
    /// the document table to disk, opens the index's own writer, and waits for the threads to write their last
    /// segments and add their parts to the index (each as soon as its part is done).
    /// </summary>
    /// <param name="whileSegmentsAreWritten">
    /// Work for the calling thread once the store and the document table are complete and flushed, while the
    /// indexing threads write their last segments (when one thread finishes before another, its core would wait).
    /// </param>
    /// <exception cref="Exception">Whatever an indexing thread failed with, rethrown here.</exception>
    public void Finish(Action? whileSegmentsAreWritten = null)
    {
        full.CompleteAdding();
        indexing.Wait();
        ThrowIfFailed();
        try
        {
            store.Flush();
            meta.Flush();
            directory = new MMapDirectory(new DirectoryInfo(indexPath));
            writer = new IndexWriter(directory, Configuration(mode));
            opened.Set();
            whileSegmentsAreWritten?.Invoke();
        }
        catch (Exception e)
        {
            // The threads stop waiting for the index's writer.
            Fail(e);
            throw;
        }

        Join();
        ThrowIfFailed();
    }

    /// <summary>
    /// Makes everything added durable and visible to new readers, atomically with <paramref name="commitData"/>
    /// (after <see cref="Finish"/>, which flushed the store and the document table to disk, so a commit never
    /// refers to articles or records that are not there).
    /// </summary>
    public void Commit(IDictionary<string, string> commitData)
    {
        if (!full.IsAddingCompleted || failure is not null || writer is null)
        {
            throw new InvalidOperationException("Finish indexing before committing.");
        }

        writer.SetCommitData(commitData);
        writer.Commit();
        committed = true;
    }

    public void Dispose()
    {
        if (!full.IsAddingCompleted)
        {
            Fail(null);
            full.CompleteAdding();
        }

        Join();
        store.Dispose();
        meta.Dispose();
        foreach (var part in parts)
        {
            part?.Rollback();
        }

        if (committed)
        {
            writer!.Dispose();
        }
        else
        {
            writer?.Rollback();
        }

        directory?.Dispose();
        foreach (var partDirectory in partDirectories)
        {
            partDirectory?.Dispose();
        }

        DeleteParts();
        full.Dispose();
        indexing.Dispose();
        opened.Dispose();
        stop.Dispose();
    }

    private void Post(CorpusFile file)
    {
        if (current.LineCount == 0)
        {
            return;
        }

        try
        {
            full.Add(current, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            ThrowIfFailed();
            throw;
        }

        posted++;
        current = free.TryTake(out var reused) ? reused : new IndexingBlock();
        current.Reset(file, posted);
    }

    /// <summary>
    /// One indexing thread: parse, admit in turn, invert, write full batches into its part; until the queue is done
    /// (then the part is written out and added to the index) or a thread failed. The part's writer is opened when the
    /// first batch is written.
    /// </summary>
    private void Run(object? state)
    {
        var index = (int)state!;
        var batch = new InvertedBatch(new NewsSimilarity());
        try
        {
            try
            {
                if (!IndexBlocks(index, batch))
                {
                    return;
                }
            }
            finally
            {
                indexing.Signal();
            }

            var part = Part(index);
            Write(batch, part);
            part.Commit();
            part.Dispose();
            parts[index] = null;
            opened.Wait(stop.Token);
            writer!.AddIndexes(partDirectories[index]!);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Another thread failed, or the build was abandoned.
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    /// <summary>Indexes blocks until the queue is done (true) or one of them failed to be admitted (false, the failure recorded).</summary>
    private bool IndexBlocks(int index, InvertedBatch batch)
    {
        var indexer = new BlockIndexer();
        // The first thread writes and commits its first batch early, so the code that writes and commits segments is
        // compiled once, by one thread, while the others go on indexing, rather than by every thread at once at the end.
        var threshold = index == 0 ? Math.Min(FirstBatchBytes, batchBytes) : batchBytes;
        foreach (var block in full.GetConsumingEnumerable(stop.Token))
        {
            indexer.Parse(block, reader.Policy);
            turnstile.Wait(block.Ticket);
            try
            {
                Admit(block);
            }
            catch (Exception e)
            {
                // Recorded before the turn passes, so the first failure in reading order is the one reported.
                Fail(e);
                return false;
            }

            turnstile.Pass();
            indexer.Index(block, batch, meta);
            free.Add(block);
            if (batch.RamBytes >= threshold)
            {
                var part = Part(index);
                Write(batch, part);
                if (threshold < batchBytes)
                {
                    part.Commit();
                    threshold = batchBytes;
                }
            }
        }

        return true;
    }

    /// <summary>The thread's part writer, opened (with its folder) on first use.</summary>
    private IndexWriter Part(int index) =>
        parts[index] ??= new IndexWriter(
            partDirectories[index] = new PartDirectory(new DirectoryInfo(Path.Combine(partsPath, $"part-{index}"))),
            Configuration(OpenMode.CREATE));

    /// <summary>The block's articles, in reading order: admitted or not, stored, their chunks numbered. Runs in the block's turn only.</summary>
    private void Admit(IndexingBlock block)
    {
        block.FirstSequence = nextSequence;
        for (var i = 0; i < block.LineCount; i++)
        {
            var parsed = block.Parsed[i];
            if (!reader.Admit(block.File, block.LineNumber(i), parsed.Line, parsed.IdHash))
            {
                continue;
            }

            var article = parsed.Line.Article!;
            var offset = store.Append(block.Record(i));
            for (var chunk = 0; chunk < parsed.Chunks!.Count; chunk++)
            {
                block.Entries.Add(new IndexingBlock.Entry(article, parsed.IdHash, offset, chunk, parsed.Chunks[chunk]));
            }

            nextSequence += parsed.Chunks.Count;
            Interlocked.Increment(ref added);
        }
    }

    /// <summary>Writes the batch out as a new segment of the part (merging the part's segments as the policy says) and empties it.</summary>
    private static void Write(InvertedBatch batch, IndexWriter part)
    {
        if (batch.Documents == 0)
        {
            return;
        }

        using (var segment = batch.Seal())
        {
            part.AddIndexes(segment);
        }

        batch.Clear();
        part.MaybeMerge();
    }

    private static IndexWriterConfig Configuration(OpenMode mode) =>
        new(LuceneVersion.LUCENE_48, new NewsAnalyzer())
        {
            OpenMode = mode,
            Similarity = new NewsSimilarity(),
            UseCompoundFile = false,
            MergePolicy = new LogByteSizeMergePolicy { NoCFSRatio = 0 },
            MergeScheduler = new SerialMergeScheduler(),
        };

    private void DeleteParts()
    {
        if (System.IO.Directory.Exists(partsPath))
        {
            System.IO.Directory.Delete(partsPath, recursive: true);
        }
    }

    private void Fail(Exception? e)
    {
        if (e is not null)
        {
            Interlocked.CompareExchange(ref failure, e, null);
        }

        stop.Cancel();
        turnstile.Break();
    }

    private void Join()
    {
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private void ThrowIfFailed()
    {
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>A part index's folder, whose files are moved, not copied, when the part joins the index (the part is discarded afterwards).</summary>
    private sealed class PartDirectory(DirectoryInfo path) : MMapDirectory(path)
    {
        public override void Copy(LuceneDirectory to, string src, string dest, IOContext context)
        {
            if (to is FSDirectory target)
            {
                EnsureOpen();
                File.Move(Path.Combine(Directory.FullName, src), Path.Combine(target.Directory.FullName, dest));
                return;
            }

            base.Copy(to, src, dest, context);
        }
    }
}
