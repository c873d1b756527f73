using System.ClientModel;
using FutureSim.Embeddings;

namespace FutureSim.Embeddings.Tests;

public sealed class OpenAiEmbeddingsTests
{
    [Fact]
    public async Task AnEndpointReturnsOneVectorPerTextInOrder()
    {
        await using var server = new EmbeddingsServer();
        using var generator = OpenAiEmbeddings.Create(server.Endpoint, "qwen3-embedding", apiKey: null, maxRetries: 0, TimeSpan.FromSeconds(10), dimensions: null);

        var embeddings = await generator.GenerateAsync(["abc", "Zz"]);

        Assert.Equal([3f, 'a', 1f], embeddings[0].Vector.ToArray());
        Assert.Equal([2f, 'Z', 1f], embeddings[1].Vector.ToArray());
        var request = Assert.Single(server.Requests);
        Assert.Equal("qwen3-embedding", request["model"]!.GetValue<string>());
        Assert.Equal(2, request["input"]!.AsArray().Count);
    }

    [Fact]
    public async Task ServerErrorsAndRateLimitsAreRetried()
    {
        await using var server = new EmbeddingsServer(503, 429);
        using var generator = OpenAiEmbeddings.Create(server.Endpoint, "m", apiKey: "key", maxRetries: 3, TimeSpan.FromSeconds(10), dimensions: null);

        var embeddings = await generator.GenerateAsync(["hello"]);

        Assert.Equal(5f, embeddings[0].Vector.Span[0]);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task AnEndpointThatKeepsFailingFailsTheCall()
    {
        await using var server = new EmbeddingsServer(500, 500, 500);
        using var generator = OpenAiEmbeddings.Create(server.Endpoint, "m", apiKey: null, maxRetries: 1, TimeSpan.FromSeconds(10), dimensions: null);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => generator.GenerateAsync(["hello"]));

        Assert.Equal(500, error.Status);
        Assert.Equal(2, server.Requests.Count);
    }
}
