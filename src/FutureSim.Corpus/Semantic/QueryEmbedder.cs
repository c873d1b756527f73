using System.Collections.Concurrent;

namespace FutureSim.Corpus.Semantic;

/// <summary>
/// Query vectors, made with the model's query prefix and kept (agents ask the same questions day after
/// day; at most <see cref="MaxCached"/> queries are kept, then the cache starts over). Thread-safe.
/// </summary>
internal sealed class QueryEmbedder(EmbeddingModel model, int dimensions)
{
    private const int MaxCached = 100_000;

    private readonly ConcurrentDictionary<string, (sbyte[] Components, float Scale)> cache = new(StringComparer.Ordinal);

    public EmbeddingModel Model => model;

    /// <summary>
    /// The quantised query vector. The corpus view's search is synchronous (it serves the synchronous tool
    /// surface), so this waits for the generator: with the local model that is a CPU call anyway; with an
    /// endpoint the calling agent's thread waits for the answer, as it would for any search.
    /// </summary>
    public (sbyte[] Components, float Scale) Embed(string text, CancellationToken ct)
    {
        if (cache.TryGetValue(text, out var known))
        {
            return known;
        }

        var vector = EmbeddingCalls.EmbedAsync(model, [model.QueryPrefix + text], new EmbeddingCalls.Ref<int>(dimensions), ct)
            .ConfigureAwait(false).GetAwaiter().GetResult()[0];
        var components = new sbyte[dimensions];
        var scale = Int8Vectors.Quantize(vector, components);
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        cache.TryAdd(text, (components, scale));
        return (components, scale);
    }
}
