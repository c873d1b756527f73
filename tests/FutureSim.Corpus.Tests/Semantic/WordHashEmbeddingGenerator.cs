using FutureSim.Corpus.Loading;
using Microsoft.Extensions.AI;

namespace FutureSim.Corpus.Tests.Semantic;

/// <summary>
/// A small, deterministic stand-in for an embedding model: each word of three letters or more adds ±1 to
/// one of <see cref="Dimensions"/> components chosen by its hash, so texts sharing words point the same way.
/// Counts the texts it embeds; <see cref="Answer"/> can replace its answer (to fail, or to answer wrongly).
/// </summary>
internal sealed class WordHashEmbeddingGenerator(int dimensions = 64) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Dimensions => dimensions;

    public int TextsEmbedded { get; private set; }

    public Func<IReadOnlyList<string>, GeneratedEmbeddings<Embedding<float>>?>? Answer { get; set; }

    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[])[' ', '\n', ',', '.', ';', ':', '"', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3)
            {
                var hash = StableHash.Of(word);
                vector[(int)((ulong)hash % (ulong)dimensions)] += (hash & (1L << 40)) == 0 ? 1f : -1f;
            }
        }

        vector[0] += 0.01f; // never the zero vector
        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (Answer?.Invoke(texts) is { } replaced)
        {
            return Task.FromResult(replaced);
        }

        TextsEmbedded += texts.Count;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Vector(t, dimensions)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
