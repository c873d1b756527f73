using System.Diagnostics;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FutureSim.Agents.Tests.Llm.ModelCalls;

public sealed class ResilientChatClientTests
{
    private static readonly HttpClient Http = OpenAiEndpoint.CreateHttpClient();
    private static readonly ServerReply Hello = ServerReply.Json(ChatCompletionJson.Text("chatcmpl-1", "m", 10, 2, "hello"));

    [Fact]
    public async Task A429IsRetriedAfterTheWaitTheServerAsksFor()
    {
        await using var server = ChatCompletionServer.Start(Script(ServerReply.Error(429, "slow down", KeyValuePair.Create("retry-after-ms", "250")), Hello));
        using var client = Client(server);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("hello", response.Text);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].ReceivedAt, requests[1].ReceivedAt) >= TimeSpan.FromMilliseconds(240));
    }

    [Fact]
    public async Task RetryAfterInSecondsIsWaitedOnTheInjectedClock()
    {
        var clock = new WatchedClock(TimeSpan.FromSeconds(2));
        await using var server = ChatCompletionServer.Start(Script(ServerReply.Error(429, "slow down", KeyValuePair.Create("Retry-After", "2")), Hello));
        using var client = Client(server, clock);

        var call = client.GetResponseAsync("hi");
        await clock.Waiting.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMilliseconds(1_900));
        await Task.Delay(200);
        Assert.Single(server.Requests);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal("hello", (await call.WaitAsync(TimeSpan.FromSeconds(10))).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A500IsRetriedAndTheCallSucceeds()
    {
        await using var server = ChatCompletionServer.Start(Script(ServerReply.Error(500, "boom"), ServerReply.Error(502, "bad gateway"), Hello));
        using var client = Client(server);

        Assert.Equal("hello", (await client.GetResponseAsync("hi")).Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ASlowResponseIsAbandonedAtTheRequestTimeoutAndRetried()
    {
        await using var server = ChatCompletionServer.Start(Script(Hello.After(TimeSpan.FromSeconds(10)), Hello));
        using var client = Client(server, requestTimeout: TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        Assert.Equal("hello", (await client.GetResponseAsync("hi")).Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ADroppedConnectionIsRetried()
    {
        await using var server = ChatCompletionServer.Start(Script(ServerReply.DropConnection(), ServerReply.DropConnection(), Hello));
        using var client = Client(server);

        Assert.Equal("hello", (await client.GetResponseAsync("hi")).Text);
        Assert.True(server.Requests.Count >= 2);
    }

    [Fact]
    public async Task AnEndpointThatStaysDownThrowsAnAgentEndpointExceptionAfterTheLastRetry()
    {
        await using var server = ChatCompletionServer.Start(_ => ServerReply.Error(503, "overloaded"));
        using var client = Client(server, maxRetries: 3);

        var failure = await Assert.ThrowsAsync<AgentEndpointException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("failed after 4 attempts: HTTP 503", failure.Message);
        Assert.Contains(server.Endpoint.ToString(), failure.Message);
    }

    [Fact]
    public async Task ARefusedRequestIsNotRetried()
    {
        await using var server = ChatCompletionServer.Start(_ => ServerReply.Error(401, "bad key"));
        using var client = Client(server);

        var failure = await Assert.ThrowsAsync<AgentEndpointException>(() => client.GetResponseAsync("hi"));

        Assert.Single(server.Requests);
        Assert.Contains("after 1 attempt: HTTP 401", failure.Message);
        Assert.DoesNotContain("test-key", failure.Message);
    }

    [Fact]
    public async Task AStoppedServerIsAnEndpointFailure()
    {
        var server = ChatCompletionServer.Start(_ => Hello);
        using var client = Client(server, maxRetries: 1);
        await server.DisposeAsync();

        var failure = await Assert.ThrowsAsync<AgentEndpointException>(() => client.GetResponseAsync("hi"));

        Assert.Contains("connection failed", failure.Message);
    }

    [Fact]
    public void BackoffDoublesPerRetryWithJitterAndIsCapped()
    {
        var settings = Settings(new Uri("http://127.0.0.1:9/v1/")) with { RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        var client = new ResilientChatClient(new CallbackChatClient(_ => throw new NotSupportedException()), settings, TimeProvider.System, NullLogger.Instance, new Random(7));

        for (var retry = 1; retry <= 3; retry++)
        {
            var nominal = 100 * Math.Pow(2, retry - 1);
            var delays = Enumerable.Range(0, 50).Select(_ => client.Delay(retry, null).TotalMilliseconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, nominal * 0.75, nominal * 1.25));
            Assert.True(delays.Distinct().Count() > 10, "the delays are jittered");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), client.Delay(10, null));
        Assert.Equal(TimeSpan.FromMilliseconds(300), client.Delay(1, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(TimeSpan.FromSeconds(1), client.Delay(1, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void RetryAfterIsReadAsSecondsOrAsAnHttpDateOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 7, 27, 30, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(3), ResilientChatClient.ParseRetryAfter("3", clock));
        Assert.Equal(TimeSpan.FromSeconds(30), ResilientChatClient.ParseRetryAfter("Fri, 02 Jan 2026 07:28:00 GMT", clock));
        Assert.Equal(TimeSpan.Zero, ResilientChatClient.ParseRetryAfter("Fri, 02 Jan 2026 07:00:00 GMT", clock));
        Assert.Null(ResilientChatClient.ParseRetryAfter("soon", clock));
    }

    internal static ModelEndpointSettings Settings(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Model = "m",
        RequestTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
    };

    internal static Func<ServedRequest, ServerReply> Script(params ServerReply[] replies)
    {
        var next = 0;
        return _ => replies[Math.Min(Interlocked.Increment(ref next) - 1, replies.Length - 1)];
    }

    private static IChatClient Client(
        ChatCompletionServer server, TimeProvider? clock = null, TimeSpan? requestTimeout = null, int maxRetries = 3)
    {
        var settings = Settings(server.Endpoint) with { RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(5), MaxRetries = maxRetries };
        return OpenAiEndpoint.CreateResilient(settings, "test-key", Http, clock ?? TimeProvider.System, NullLogger.Instance);
    }

    /// <summary>A fake clock that tells when someone starts waiting for <paramref name="dueTime"/> on it.</summary>
    private sealed class WatchedClock(TimeSpan dueTime) : FakeTimeProvider
    {
        private readonly TaskCompletionSource waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Waiting => waiting.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan due, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, due, period);
            if (due == dueTime)
            {
                waiting.TrySetResult();
            }

            return timer;
        }
    }
}
