using FutureSim.Core.Articles;
using FutureSim.Corpus.Indexing;
using FutureSim.Corpus.Text;
using Microsoft.Extensions.Logging;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Gives every chunk of an open index its embedding and lays them out as a <see cref="DenseIndex"/>.
/// Vectors are looked up by model and text — first in the index's own vector file, then in the model's
/// seed files — and only chunks whose text was never embedded by this model are sent to it, in batches.
/// The index's vector file is rewritten (atomically) only when something new was embedded, and only after
/// every batch succeeded: a failing or wrong model leaves the files on disk as they were.
/// </summary>
internal sealed class SemanticIndexBuilder(EmbeddingModel model, string vectorDirectory, ILogger logger)
{
    public string VectorPath => Path.Combine(vectorDirectory, model.FileName);

    public async Task<(DenseIndex Index, int Embedded)> BuildAsync(IndexSnapshot snapshot, IProgress<CorpusBuildProgress>? progress, CancellationToken ct)
    {
        var sources = OpenSources();
        var dimensions = new EmbeddingCalls.Ref<int>(sources.Count == 0 ? 0 : sources[0].File.Dimensions);
        var chunks = Chunks(snapshot, ct);

        // Texts no source has, each once.
        var missing = new Dictionary<VectorKey, string>();
        foreach (var chunk in chunks)
        {
            if (Find(sources, chunk.Key).File is null)
            {
                missing.TryAdd(chunk.Key, chunk.Text);
            }
        }

        var embedded = new Dictionary<VectorKey, (float Scale, sbyte[] Components)>();
        if (missing.Count > 0)
        {
            CorpusLog.Embedding(logger, missing.Count, model.Id, model.Source);
            var pending = missing.ToList();
            for (var start = 0; start < pending.Count; start += model.BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = pending.GetRange(start, Math.Min(model.BatchSize, pending.Count - start));
                var vectors = await EmbeddingCalls.EmbedAsync(model, [.. batch.Select(p => p.Value)], dimensions, ct).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    var components = new sbyte[dimensions.Value];
                    var scale = Int8Vectors.Quantize(vectors[i], components);
                    embedded[batch[i].Key] = (scale, components);
                }

                progress?.Report(new CorpusBuildProgress(model.Id, 1, 1, start + batch.Count));
            }

            var kept = sources.FirstOrDefault(s => s.Path == VectorPath).File;
            VectorFile.Write(
                VectorPath,
                model.Id,
                dimensions.Value,
                (kept?.Entries() ?? []).Concat(embedded.Select(e => (e.Key, e.Value.Scale, (ReadOnlyMemory<sbyte>)e.Value.Components))));
        }

        return (Layout(chunks, sources, embedded, dimensions.Value), missing.Count);
    }

    /// <summary>The index's own vector file and the seeds that exist, checked to be of this model and of one dimension.</summary>
    private List<(string Path, VectorFile File)> OpenSources()
    {
        var sources = new List<(string Path, VectorFile File)>();
        foreach (var path in new[] { VectorPath }.Concat(model.SeedFiles))
        {
            if (!File.Exists(path))
            {
                continue;
            }

            VectorFile file;
            try
            {
                file = VectorFile.Read(path);
            }
            catch (InvalidDataException e) when (path == VectorPath)
            {
                // The index's own cache is rebuilt rather than trusted.
                CorpusLog.VectorFileDropped(logger, path, e.Message);
                continue;
            }

            if (file.ModelId != model.Id)
            {
                throw new EmbeddingFailedException($"The vector file {path} holds vectors of model '{file.ModelId}', not of '{model.Id}'.");
            }

            if (sources.Count > 0 && file.Dimensions != sources[0].File.Dimensions)
            {
                throw new EmbeddingFailedException($"The vector file {path} has {file.Dimensions} dimensions; {sources[0].Path} has {sources[0].File.Dimensions}.");
            }

            sources.Add((path, file));
        }

        return sources;
    }

    private static (VectorFile? File, int Index) Find(List<(string Path, VectorFile File)> sources, VectorKey key)
    {
        foreach (var (_, file) in sources)
        {
            var i = file.Find(key);
            if (i >= 0)
            {
                return (file, i);
            }
        }

        return (null, -1);
    }

    /// <summary>Every live chunk of the index with the text the model embeds for it, in visibility, id-hash and chunk order.</summary>
    private List<ChunkText> Chunks(IndexSnapshot snapshot, CancellationToken ct)
    {
        var chunks = new List<ChunkText>(snapshot.ChunkCount);
        Article? article = null;
        long articleOffset = -1;
        List<Range>? ranges = null;
        foreach (var segment in snapshot.Segments)
        {
            for (var doc = 0; doc < segment.Ticks.Length; doc++)
            {
                if (segment.LiveDocs is not null && !segment.LiveDocs.Get(doc))
                {
                    continue;
                }

                var chunk = segment.ChunkOf(doc);
                if (segment.StoreOffsets[doc] != articleOffset)
                {
                    ct.ThrowIfCancellationRequested();
                    article = snapshot.LoadArticle(segment, doc);
                    articleOffset = segment.StoreOffsets[doc];
                    ranges = ArticleChunks.Split(article.Body);
                }

                var range = ranges![Math.Min(chunk, ranges.Count - 1)];
                var text = model.DocumentPrefix + ArticleChunks.EmbeddingText(article!, article!.Body[range], chunk);
                chunks.Add(new ChunkText(segment.Ticks[doc], segment.IdHashes[doc], chunk, segment.Context.Ord, doc, VectorKey.Of(text), text));
            }
        }

        chunks.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.IdHash != b.IdHash ? a.IdHash.CompareTo(b.IdHash) : a.Chunk.CompareTo(b.Chunk));
        return chunks;
    }

    private static DenseIndex Layout(
        List<ChunkText> chunks,
        List<(string Path, VectorFile File)> sources,
        Dictionary<VectorKey, (float Scale, sbyte[] Components)> embedded,
        int dimensions)
    {
        var n = chunks.Count;
        var ticks = new long[n];
        var idHashes = new long[n];
        var segments = new int[n];
        var docs = new int[n];
        var chunkNumbers = new int[n];
        var scales = new float[n];
        var components = DenseIndex.NewBlocks(n, dimensions);
        for (var i = 0; i < n; i++)
        {
            var chunk = chunks[i];
            (ticks[i], idHashes[i], segments[i], docs[i], chunkNumbers[i]) = (chunk.Ticks, chunk.IdHash, chunk.Segment, chunk.Doc, chunk.Chunk);
            var target = DenseIndex.Vector(components, i, dimensions);
            if (embedded.TryGetValue(chunk.Key, out var fresh))
            {
                scales[i] = fresh.Scale;
                fresh.Components.CopyTo(target);
            }
            else
            {
                var (file, index) = Find(sources, chunk.Key);
                scales[i] = file!.ScaleAt(index);
                file.ComponentsAt(index).CopyTo(target);
            }
        }

        return new DenseIndex(dimensions, ticks, idHashes, segments, docs, chunkNumbers, scales, components);
    }

    private sealed record ChunkText(long Ticks, long IdHash, int Chunk, int Segment, int Doc, VectorKey Key, string Text);
}
