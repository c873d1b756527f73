using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Agents.Tests.Llm.ModelCalls;

public sealed class RecordingAndReplayTests
{
    private static readonly ChatOptions Options = new() { ModelId = "m", Temperature = 0.2f, Tools = ForecastingToolset.Declarations };

    [Fact]
    public async Task AReplayAnswersFromTheRecordingWithoutTheServer()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("model-calls.jsonl");
        List<ChatMessage> conversation = [new(ChatRole.System, "rules"), new(ChatRole.User, "Good morning. Today is 2026-01-01.")];
        var recorded = new List<ChatResponse>();
        await using (var server = ChatCompletionServer.Start(ScriptedForecaster.Respond))
        {
            using var http = OpenAiEndpoint.CreateHttpClient();
            var scope = Scope("2026-01-01");
            using var live = new RecordingChatClient(
                OpenAiEndpoint.CreateResilient(ResilientChatClientTests.Settings(server.Endpoint), "k", http, TimeProvider.System, NullLogger.Instance), path, scope);
            for (var i = 0; i < 3; i++)
            {
                var response = await live.GetResponseAsync(conversation, Options);
                recorded.Add(response);
                conversation.AddRange(response.Messages);
                conversation.Add(new ChatMessage(ChatRole.Tool, [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => new FunctionResultContent(c.CallId, $"result of {c.Name}"))]));
            }
        }

        using var replay = new ReplayingChatClient(path, Scope("2026-01-01"));
        List<ChatMessage> again = [.. conversation.Take(2)];
        for (var i = 0; i < 3; i++)
        {
            var response = await replay.GetResponseAsync(again, Options);
            Assert.Equal(ChatRecordFormat.Response(recorded[i]).ToJsonString(), ChatRecordFormat.Response(response).ToJsonString());
            again.AddRange(response.Messages);
            again.Add(conversation[again.Count]);
        }

        Assert.Equal(recorded[0].Usage!.InputTokenCount, (await new ReplayingChatClient(path, Scope("2026-01-01")).GetResponseAsync(conversation.Take(2), Options)).Usage!.InputTokenCount);
    }

    [Fact]
    public async Task TheRecordingHoldsEveryFullRequestOnceWithItsResponse()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("model-calls.jsonl");
        using var recording = new RecordingChatClient(Echo(), path, Scope("2026-01-02"));
        List<ChatMessage> conversation = [new(ChatRole.System, "rules")];
        var requests = new List<CanonicalRequest>();
        for (var i = 0; i < 4; i++)
        {
            conversation.Add(new ChatMessage(ChatRole.User, $"message {i}"));
            requests.Add(ChatRecordFormat.Request(conversation, Options));
            conversation.AddRange((await recording.GetResponseAsync(conversation, Options)).Messages);
        }

        // A compacted conversation shares only the system prompt with the previous request.
        List<ChatMessage> compacted = [conversation[0], new(ChatRole.User, "summary")];
        requests.Add(ChatRecordFormat.Request(compacted, Options));
        await recording.GetResponseAsync(compacted, Options);

        var entries = ModelCallLog.Read(path).ToArray();
        Assert.Equal(requests.Select(r => r.Key), entries.Select(e => e.Key));
        Assert.Equal(requests.Select(r => string.Join("\n", r.Messages)), entries.Select(e => string.Join("\n", e.Messages)));
        Assert.All(entries, e => Assert.Equal(TestKit.TestData.Day("2026-01-02"), e.Day));
        Assert.Equal("echo: message 3", ChatRecordFormat.ReadResponse(entries[3].Response!).Text);
        var lines = File.ReadAllLines(path);
        Assert.Contains("\"prefix\":6", lines[3]);
        Assert.Contains("\"prefix\":1", lines[4]);
        Assert.DoesNotContain(lines, l => l.Contains("created", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ARequestTheRecordingDoesNotHoldIsAClearError()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("model-calls.jsonl");
        using (var recording = new RecordingChatClient(Echo(), path, Scope("2026-01-01")))
        {
            await recording.GetResponseAsync("first", Options);
        }

        using var replay = new ReplayingChatClient(path, Scope("2026-01-01"));
        await replay.GetResponseAsync("first", Options);
        var again = await Assert.ThrowsAsync<ReplayMismatchException>(() => replay.GetResponseAsync("first", Options));
        var other = await Assert.ThrowsAsync<ReplayMismatchException>(() => replay.GetResponseAsync("first", new ChatOptions { ModelId = "m", Temperature = 0.3f, Tools = Options.Tools }));

        Assert.Contains("diverged", again.Message);
        Assert.Contains(path, other.Message);
    }

    [Fact]
    public async Task RecordedFailuresAreRaisedAgainOnReplay()
    {
        using var temp = new TempDirectory();
        var path = temp.Sub("model-calls.jsonl");
        using (var recording = new RecordingChatClient(Failing(), path, Scope("2026-01-01")))
        {
            await Assert.ThrowsAsync<AgentEndpointException>(() => recording.GetResponseAsync("down", Options));
            await Assert.ThrowsAsync<DayLimitReachedException>(() => recording.GetResponseAsync("late", Options));
        }

        using var replay = new ReplayingChatClient(path, Scope("2026-01-01"));
        var endpoint = await Assert.ThrowsAsync<AgentEndpointException>(() => replay.GetResponseAsync("down", Options));
        var limit = await Assert.ThrowsAsync<DayLimitReachedException>(() => replay.GetResponseAsync("late", Options));
        Assert.Equal("The model endpoint http://x/v1/ failed after 5 attempts: HTTP 503.", endpoint.Message);
        Assert.Equal("The daily wall-time limit was reached.", limit.Message);
    }

    [Fact]
    public void MalformedToolCallArgumentsSurviveTheRecordingWithTheSameError()
    {
        var call = FunctionCallContent.CreateFromParsedArguments("{oops", "call_1", "search_news", json => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(json));
        var message = new ChatMessage(ChatRole.Assistant, [call, new FunctionCallContent("call_2", "get_article", new Dictionary<string, object?> { ["id"] = System.Text.Json.JsonDocument.Parse("\"a1\"").RootElement })]);

        var json = ChatRecordFormat.Message(message).ToJsonString(ChatRecordFormat.Json);
        var back = ChatRecordFormat.ReadMessage(System.Text.Json.Nodes.JsonNode.Parse(json)!);

        Assert.Equal(json, ChatRecordFormat.Message(back).ToJsonString(ChatRecordFormat.Json));
        var replayed = back.Contents.OfType<FunctionCallContent>().First();
        Assert.NotNull(replayed.Exception);
        Assert.Equal(ForecastingToolset.Invoke(call, new UnusedTools()), ForecastingToolset.Invoke(replayed, new UnusedTools()));
    }

    private static CallbackChatClient Echo() => new(messages => new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo: " + messages[^1].Text))
    {
        ModelId = "m",
        CreatedAt = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Usage = new UsageDetails { InputTokenCount = 5, OutputTokenCount = 2, TotalTokenCount = 7 },
    });

    private static CallbackChatClient Failing() => new(messages => messages[^1].Text == "down"
        ? throw new AgentEndpointException("The model endpoint http://x/v1/ failed after 5 attempts: HTTP 503.")
        : throw new DayLimitReachedException("The daily wall-time limit was reached."));

    private static ModelCallScope Scope(string day)
    {
        var scope = new ModelCallScope(TimeProvider.System);
        scope.BeginDay(TestKit.TestData.Day(day));
        return scope;
    }
}
