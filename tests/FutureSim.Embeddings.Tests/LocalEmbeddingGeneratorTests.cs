using System.Numerics.Tensors;
using FutureSim.Embeddings;

namespace FutureSim.Embeddings.Tests;

/// <summary>The real local model, end to end on a few texts (offline, from the package's weights).</summary>
public sealed class LocalEmbeddingGeneratorTests
{
    private static readonly LocalEmbeddingGenerator Model = new();

    [Fact]
    public async Task TextsAboutTheSameThingAreCloserThanUnrelatedOnesAndVectorsAreUnitLength()
    {
        var vectors = (await Model.GenerateAsync(
        [
            LocalEmbeddingGenerator.QueryPrefix + "Who won the Australian Open women's title?",
            "Madison Keys defeats Aryna Sabalenka to win the women's singles at the Australian Open in Melbourne.",
            "The central bank raises interest rates by a quarter point to fight inflation.",
        ])).Select(e => e.Vector.ToArray()).ToArray();

        Assert.All(vectors, v => Assert.Equal(LocalEmbeddingGenerator.Dimensions, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 3));
        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.1f);
    }

    [Fact]
    public async Task AVectorDoesNotDependOnTheOtherTextsOfItsRequest()
    {
        const string text = "An earthquake of magnitude 7.1 strikes off the coast of Japan.";

        var alone = (await Model.GenerateAsync([text]))[0].Vector.ToArray();
        var inBatch = (await Model.GenerateAsync(["Short.", text, "A much longer text about elections, parliaments, budgets and the many ministers who argue about them late into the night."]))[1].Vector.ToArray();

        Assert.Equal(alone.Length, inBatch.Length);
        Assert.True(TensorPrimitives.Dot(alone, inBatch) > 0.9999f);
    }
}
