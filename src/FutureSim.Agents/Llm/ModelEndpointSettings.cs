using FutureSim.Core.Configuration;

namespace FutureSim.Agents.Llm;

/// <summary>
/// Where and how to reach an OpenAI-compatible chat-completions endpoint, shared by the agent and the
/// judge. The API key itself is never a setting: <see cref="ApiKeyVariable"/> names the environment
/// variable that holds it.
/// </summary>
internal sealed record ModelEndpointSettings
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(1);
    public const int DefaultMaxRetries = 4;

    /// <summary>The base URL of the API, e.g. <c>https://api.openai.com/v1</c>; <c>chat/completions</c> is appended.</summary>
    public required Uri Endpoint { get; init; }

    public required string Model { get; init; }

    /// <summary>The environment variable holding the API key; null for endpoints without authentication.</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Retries after the first attempt for transient failures (429, 5xx, timeouts, dropped connections).</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>The first backoff delay; it doubles per retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = DefaultRetryBaseDelay;

    /// <summary>The longest wait between attempts, also the cap on a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = DefaultMaxRetryDelay;

    public static ModelEndpointSettings Read(SettingsReader reader)
    {
        if (reader.Has("ApiKey"))
        {
            reader.String("ApiKey");
            reader.Problem("'ApiKey' is not accepted: keys are never read from configuration files. Put the key in an environment variable and name that variable in 'ApiKeyVariable'.");
        }

        var endpoint = reader.AbsoluteHttpUri("Endpoint", "https://api.openai.com/v1");
        var model = reader.RequiredString("Model", "gpt-4o-mini");
        var keyVariable = reader.String("ApiKeyVariable");
        if (keyVariable is not null && (keyVariable.Any(char.IsWhiteSpace) || keyVariable.Contains('=', StringComparison.Ordinal)))
        {
            reader.Problem($"'ApiKeyVariable' must be the name of an environment variable, such as OPENAI_API_KEY, not the key itself.");
            keyVariable = null;
        }

        var timeout = reader.Duration("RequestTimeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1)) ?? DefaultRequestTimeout;
        var retries = reader.Integer("MaxRetries", 0, 20) ?? DefaultMaxRetries;
        var baseDelay = reader.Duration("RetryBaseDelay", TimeSpan.Zero, TimeSpan.FromMinutes(10)) ?? DefaultRetryBaseDelay;
        var maxDelay = reader.Duration("MaxRetryDelay", TimeSpan.Zero, TimeSpan.FromHours(1)) ?? DefaultMaxRetryDelay;
        if (maxDelay < baseDelay)
        {
            reader.Problem($"'MaxRetryDelay' ({maxDelay:c}) must not be shorter than 'RetryBaseDelay' ({baseDelay:c}).");
        }

        return new ModelEndpointSettings
        {
            Endpoint = endpoint ?? new Uri("http://invalid/"),
            Model = model,
            ApiKeyVariable = keyVariable,
            RequestTimeout = timeout,
            MaxRetries = (int)retries,
            RetryBaseDelay = baseDelay,
            MaxRetryDelay = maxDelay,
        };
    }

    /// <summary>The API key from the environment; throws an <see cref="ArgumentException"/> naming the variable when it is unset.</summary>
    public string ResolveApiKey(Func<string, string?> environment, string owner)
    {
        if (ApiKeyVariable is null)
        {
            // Local servers (vLLM, Ollama, LM Studio) take any key; the client library needs a non-empty one.
            return "no-key";
        }

        var key = environment(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException(
                $"The environment variable '{ApiKeyVariable}' named by 'ApiKeyVariable' of {owner} is not set. Set it to the API key of {Endpoint}, or remove 'ApiKeyVariable' for an endpoint without authentication.");
        }

        return key;
    }
}
