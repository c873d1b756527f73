using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Chat clients for OpenAI-compatible chat-completions endpoints (OpenAI, Azure OpenAI's v1 API,
/// OpenRouter, vLLM, Ollama, LM Studio …). The library's own retries are switched off: retries and
/// timeouts belong to <see cref="ResilientChatClient"/>, which wraps every client made here.
/// </summary>
internal static class OpenAiEndpoint
{
    /// <summary>One HTTP client for all agents of a process, so that connections are pooled; no overall timeout (each attempt has its own).</summary>
    public static HttpClient CreateHttpClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(30) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>The endpoint's chat client behind the retry and timeout decorator.</summary>
    public static IChatClient CreateResilient(ModelEndpointSettings settings, string apiKey, HttpClient http, TimeProvider timeProvider, ILogger logger)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Longer than our per-attempt timeout, which is the one meant to fire.
            NetworkTimeout = settings.RequestTimeout + TimeSpan.FromMinutes(1),
            Transport = new HttpClientPipelineTransport(http),
        };
        var client = new OpenAI.Chat.ChatClient(settings.Model, new ApiKeyCredential(apiKey), options).AsIChatClient();
        return new ResilientChatClient(client, settings, timeProvider, logger);
    }
}
