using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Makes model calls survive a flaky endpoint. Each attempt has its own timeout
/// (<see cref="ModelEndpointSettings.RequestTimeout"/>). Transient failures — HTTP 408, 409, 429 and
/// 5xx, timeouts, refused or dropped connections — are retried up to
/// <see cref="ModelEndpointSettings.MaxRetries"/> times, waiting as the server's <c>Retry-After</c> (or
/// <c>retry-after-ms</c>) asks, else with exponential backoff and jitter, never longer than
/// <see cref="ModelEndpointSettings.MaxRetryDelay"/>. When the endpoint stays down, or refuses the
/// request outright (4xx), the call throws <see cref="AgentEndpointException"/>, which fails the
/// agent's day as an endpoint failure. All waiting uses the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ResilientChatClient(
    IChatClient inner, ModelEndpointSettings settings, TimeProvider timeProvider, ILogger logger, Random? jitter = null)
    : DelegatingChatClient(inner)
{
    private readonly Random jitter = jitter ?? Random.Shared;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        for (var attempt = 1; ; attempt++)
        {
            EndpointFailure failure;
            using (var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    return await base.GetResponseAsync(list, options, linked.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    failure = new EndpointFailure($"no response within {settings.RequestTimeout:c}", Transient: true, RetryAfter: null, null);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = Classify(e, timeProvider);
                }
            }

            if (!failure.Transient || attempt > settings.MaxRetries)
            {
                var tries = attempt == 1 ? "1 attempt" : $"{attempt} attempts";
                logger.LogWarning("Model endpoint {Endpoint} failed after {Attempts} attempts: {Failure}", settings.Endpoint, attempt, failure.Description);
                throw new AgentEndpointException($"The model endpoint {settings.Endpoint} failed after {tries}: {failure.Description}.", failure.Exception);
            }

            var delay = Delay(attempt, failure.RetryAfter);
            logger.LogInformation(
                "Model endpoint {Endpoint}: {Failure}; retry {Retry} of {MaxRetries} in {Delay}", settings.Endpoint, failure.Description, attempt, settings.MaxRetries, delay);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based): the server's request if any, else base × 2^(retry−1) with ±25 % jitter; capped.</summary>
    internal TimeSpan Delay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > settings.MaxRetryDelay ? settings.MaxRetryDelay : asked;
        }

        var exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var jittered = exponential * (0.75 + (jitter.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, settings.MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>What went wrong and whether trying again may help.</summary>
    internal static EndpointFailure Classify(Exception exception, TimeProvider timeProvider) => exception switch
    {
        ClientResultException { Status: 0 } e => new EndpointFailure($"connection failed ({ChatRecordFormat.InnermostMessage(e)})", true, null, e),
        ClientResultException e => new EndpointFailure(
            $"HTTP {e.Status}{(e.GetRawResponse()?.ReasonPhrase is { Length: > 0 } reason ? " " + reason : "")}",
            e.Status is 408 or 409 or 429 or >= 500,
            RetryAfter(e.GetRawResponse()?.Headers, timeProvider),
            e),
        HttpRequestException or IOException or SocketException => new EndpointFailure($"connection failed ({ChatRecordFormat.InnermostMessage(exception)})", true, null, exception),
        TimeoutException or TaskCanceledException => new EndpointFailure($"the request timed out ({exception.Message})", true, null, exception),
        JsonException => new EndpointFailure($"the response is not a valid chat completion ({exception.Message})", false, null, exception),

        // Anything else the endpoint's client throws comes from a reply it could not use (e.g. a 200 without choices).
        _ => new EndpointFailure($"the response is not a usable chat completion ({exception.GetType().Name}: {exception.Message})", false, null, exception),
    };

    /// <summary>The wait a server asks for: <c>retry-after-ms</c> (milliseconds), else <c>Retry-After</c> as seconds or an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponseHeaders? headers, TimeProvider timeProvider)
    {
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return Seconds(milliseconds / 1000);
        }

        return headers.TryGetValue("Retry-After", out var value) ? ParseRetryAfter(value, timeProvider) : null;
    }

    /// <summary>A wait of <paramref name="seconds"/>; one too long for a <see cref="TimeSpan"/> (e.g. <c>1e15</c>) is the longest there is, and <see cref="Delay"/> caps it.</summary>
    private static TimeSpan Seconds(double seconds) => seconds < 1e9 ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;

    internal static TimeSpan? ParseRetryAfter(string? value, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return Seconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
