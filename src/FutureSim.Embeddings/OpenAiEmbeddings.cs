using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace FutureSim.Embeddings;

/// <summary>
/// Embedding generators for OpenAI-compatible <c>/embeddings</c> endpoints (OpenAI, vLLM, TEI, Ollama …).
/// Requests that fail with 408, 429 (honouring <c>Retry-After</c>), 5xx or a dropped connection are retried
/// with exponential backoff and jitter, up to <c>maxRetries</c> times; each attempt has <c>timeout</c>.
/// </summary>
public static class OpenAiEmbeddings
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(Uri endpoint, string model, string? apiKey, int maxRetries, TimeSpan timeout, int? dimensions, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
            NetworkTimeout = timeout,
        };
        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
        }

        // Local servers need no key, but the client insists on one.
        var client = new OpenAI.Embeddings.EmbeddingClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "none" : apiKey), options);
        return client.AsIEmbeddingGenerator(dimensions);
    }
}
