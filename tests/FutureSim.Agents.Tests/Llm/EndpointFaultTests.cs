using System.Text.RegularExpressions;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Runs;
using Microsoft.Extensions.Time.Testing;

namespace FutureSim.Agents.Tests.Llm;

/// <summary>Endpoints that answer strangely never stop a run, keep its usage readable, and are recorded so that a replay matches.</summary>
public sealed partial class EndpointFaultTests
{
    [Fact]
    public async Task NegativeTokenCountsAreCountedAsZeroAndRecordedAsTheEndpointSaidThem()
    {
        using var temp = new TempDirectory();
        var (original, replay) = await RunAndReplayAsync(temp, request =>
        {
            var reply = ScriptedForecaster.Respond(request);
            return reply with { Body = PromptTokens().Replace(reply.Body, "\"prompt_tokens\":-7") };
        });

        var usage = ModelUsageFile.ReadRun(original.Root)["gpt"];
        Assert.All(usage, row => Assert.Equal(0, row.InputTokens));
        Assert.All(usage, row => Assert.True(row.OutputTokens > 0));
        Assert.Contains("\"input_tokens\":-7", File.ReadAllText(LlmRuns.AgentFile(original, "gpt", LlmAgentFactory.RecordingFileName)));
        Assert.Equal(File.ReadAllBytes(LlmRuns.AgentFile(original, "gpt", "usage.csv")), File.ReadAllBytes(LlmRuns.AgentFile(replay, "gpt", "usage.csv")));
    }

    [Fact]
    public async Task AnAbsurdRetryAfterIsCappedAndTheCallRetried()
    {
        using var temp = new TempDirectory();
        var asked = 0;
        var (original, _) = await RunAndReplayAsync(temp, request => Interlocked.Increment(ref asked) == 2
            ? ServerReply.Error(429, "slow down", KeyValuePair.Create("Retry-After", "1e15"))
            : ScriptedForecaster.Respond(request));

        Assert.Empty(LlmRuns.Events(original).OfType<AgentFailed>());
        Assert.Equal(TimeSpan.MaxValue, ResilientChatClient.ParseRetryAfter("1e15", new FakeTimeProvider()));
        Assert.Equal(TimeSpan.MaxValue, ResilientChatClient.ParseRetryAfter("1e300", new FakeTimeProvider()));
    }

    [Theory]
    [InlineData("""{"id":"chatcmpl-x","object":"chat.completion","created":1,"model":"m"}""")]
    [InlineData("""{"id":"chatcmpl-x","object":"chat.completion","created":1,"model":"m","choices":[]}""")]
    [InlineData("""{"id":"chatcmpl-x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop"}]}""")]
    [InlineData("not json at all")]
    public async Task AnAnswerThatIsNotAChatCompletionFailsTheDayAsAnEndpointFailureAndIsReplayedAsSuch(string body)
    {
        using var temp = new TempDirectory();
        var (original, _) = await RunAndReplayAsync(temp, request => ScriptedForecaster.DayOf(request) == "2026-01-02"
            ? new ServerReply(200, body, [], TimeSpan.Zero, false)
            : ScriptedForecaster.Respond(request));

        var failure = Assert.Single(LlmRuns.Events(original).OfType<AgentFailed>());
        Assert.Equal(("endpoint", TestKit.TestData.Day("2026-01-02")), (failure.Kind, failure.Day));
        Assert.Contains("\"failure\":{\"kind\":\"endpoint\"", File.ReadAllText(LlmRuns.AgentFile(original, "gpt", LlmAgentFactory.RecordingFileName)));
    }

    /// <summary>Runs one llm agent for three days against <paramref name="respond"/>, then replays it with the server gone; the replay's events must equal the original's.</summary>
    private static async Task<(RunFolder Original, RunFolder Replay)> RunAndReplayAsync(TempDirectory temp, Func<ServedRequest, ServerReply> respond)
    {
        RunFolder original;
        AgentSpec spec;
        await using (var server = ChatCompletionServer.Start(respond))
        {
            using var factory = new LlmAgentFactory(_ => null);
            spec = LlmRuns.Spec("gpt", server.Endpoint, "m", ("MaxRetries", "2"));
            original = await LlmRuns.RunAsync(temp.Sub("original"), factory, [spec], "2026-01-01", "2026-01-03");
        }

        using var replayFactory = new LlmAgentFactory(_ => null);
        var replay = await LlmRuns.RunAsync(temp.Sub("replay"), replayFactory, [spec], "2026-01-01", "2026-01-03", replayFrom: original.Root);
        Assert.Equal(File.ReadAllBytes(original.EventsPath), File.ReadAllBytes(replay.EventsPath));
        return (original, replay);
    }

    [GeneratedRegex("\"prompt_tokens\":\\d+")]
    private static partial Regex PromptTokens();
}
