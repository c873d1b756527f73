using Microsoft.Extensions.AI;

namespace FutureSim.Corpus.Semantic;

/// <summary>Calls a model's generator and checks what comes back: one vector per text, all of the expected dimension, all finite.</summary>
internal static class EmbeddingCalls
{
    /// <summary>Embeds <paramref name="texts"/>; <paramref name="dimensions"/> is set from the first answer when 0.</summary>
    /// <exception cref="EmbeddingFailedException">The generator threw, or answered with the wrong count, dimension or values.</exception>
    public static async Task<IReadOnlyList<float[]>> EmbedAsync(EmbeddingModel model, IList<string> texts, Ref<int> dimensions, CancellationToken ct)
    {
        GeneratedEmbeddings<Embedding<float>> answer;
        try
        {
            answer = await model.Generator.GenerateAsync(texts, options: null, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new EmbeddingFailedException($"The embedding model {model.Id} at {model.Source} failed: {e.Message}", e);
        }

        if (answer.Count != texts.Count)
        {
            throw new EmbeddingFailedException($"The embedding model {model.Id} at {model.Source} returned {answer.Count} vectors for {texts.Count} texts.");
        }

        var vectors = new float[answer.Count][];
        for (var i = 0; i < answer.Count; i++)
        {
            var vector = answer[i].Vector.ToArray();
            if (dimensions.Value == 0)
            {
                dimensions.Value = vector.Length;
            }

            if (vector.Length != dimensions.Value || vector.Length == 0)
            {
                throw new EmbeddingFailedException(
                    $"The embedding model {model.Id} at {model.Source} returned a vector of {vector.Length} dimensions where {dimensions.Value} were expected. Point the configuration at the model the vectors were made with, or remove its vector file.");
            }

            if (!vector.All(float.IsFinite))
            {
                throw new EmbeddingFailedException($"The embedding model {model.Id} at {model.Source} returned a vector with a value that is not a finite number.");
            }

            vectors[i] = vector;
        }

        return vectors;
    }

    /// <summary>A value shared with an async method (which cannot take ref parameters).</summary>
    internal sealed class Ref<T>(T value)
    {
        public T Value { get; set; } = value;
    }
}
