using System.Diagnostics;
using System.Text.Json;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Agents.Tests.Llm;

public sealed class LlmAgentTests
{
    [Fact]
    public async Task AnAgentDrivesTheToolsEveryDayAndEndsItsDaysWithNextDay()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        using var factory = new LlmAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "model-a")], "2026-01-01", "2026-01-03");

        var events = LlmRuns.Events(folder);
        Assert.DoesNotContain(events, e => e is AgentFailed);
        var tools = events.OfType<ToolCalled>().GroupBy(e => e.Day).ToDictionary(g => g.Key, g => g.Select(e => e.Tool).ToArray());
        Assert.Equal(3, tools.Count);
        Assert.Equal(
            [ToolNames.SearchNews, ToolNames.ListQuestions, ToolNames.GetArticle, ToolNames.SubmitForecasts, ToolNames.SubmitForecasts, ToolNames.SubmitForecasts, ToolNames.WriteNotes],
            tools[TestKit.TestData.Day("2026-01-01")]);
        Assert.Equal(3 * ScriptedForecaster.CallsPerDay, server.Requests.Count);

        // Day 2 opens with the answer to day 1's next_day call: the morning briefing.
        var dayTwo = server.Requests[ScriptedForecaster.CallsPerDay].Json.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal("tool", dayTwo[^1].GetProperty("role").GetString());
        Assert.StartsWith("Good morning. Today is 2026-01-02.", dayTwo[^1].GetProperty("content").GetString());
        Assert.Equal("system", dayTwo[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task MalformedArgumentsAndUnknownToolsAreAnsweredWithClearErrorsAndTheDayGoesOn()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => Reply(request, request.Json.GetProperty("messages").GetArrayLength() <= 2
            ? [new("c1", ToolNames.SubmitForecasts, "{oops"), new("c2", ToolNames.SearchNews, """{"query": "election", "max_results": "many"}"""), new("c3", "fly_to_moon", "{}"), new("c4", ToolNames.SubmitForecasts, """{"question_id": "q1", "outcomes": [0.5]}""")]
            : [new("c5", ToolNames.NextDay, "{}")]));
        using var factory = new LlmAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "m")], "2026-01-01", "2026-01-01");

        Assert.DoesNotContain(LlmRuns.Events(folder), e => e is AgentFailed);
        var results = ToolResults(server.Requests[1]);
        Assert.StartsWith("Error: the arguments of submit_forecasts are not valid JSON", results["c1"]);
        Assert.Contains("Send one JSON object, e.g.", results["c1"]);
        Assert.StartsWith("Error: invalid arguments for search_news: 'max_results' must be a whole number; got \"many\".", results["c2"]);
        Assert.StartsWith("Error: there is no tool named 'fly_to_moon'. The tools are: get_article, list_questions, next_day", results["c3"]);
        Assert.StartsWith("Error: invalid arguments for submit_forecasts: 'outcomes' must be an object mapping each answer to its probability", results["c4"]);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task TheToolCallLimitEndsTheDayAndTheCallsBeyondItAreNotRun()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => Reply(request, [new("a", ToolNames.ListQuestions, "{}"), new("b", ToolNames.ReadNotes, "{}"), new("c", ToolNames.ListQuestions, "{}")], suffix: true));
        using var factory = new LlmAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "m", ("MaxToolCallsPerDay", "2"))], "2026-01-01", "2026-01-02");

        var calls = LlmRuns.Events(folder).OfType<ToolCalled>().ToArray();
        Assert.Equal(4, calls.Length);
        Assert.All(calls.GroupBy(c => c.Day), day => Assert.Equal([ToolNames.ListQuestions, ToolNames.ReadNotes], day.Select(c => c.Tool)));
        Assert.Equal(2, server.Requests.Count);
        var leftOver = ToolResults(server.Requests[1]).Single(r => r.Key.EndsWith("c", StringComparison.Ordinal)).Value;
        Assert.StartsWith("Not executed: you have used all 2 tool calls of today", leftOver);
        Assert.StartsWith("Good morning. Today is 2026-01-02.", LastMessage(server.Requests[1]).GetProperty("content").GetString());
    }

    [Fact]
    public async Task TheModelCallAndTokenLimitsEndTheDay()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => Reply(request, [new("a", ToolNames.ReadNotes, "{}")], suffix: true, promptTokens: 400));
        using var factory = new LlmAgentFactory(_ => null);
        AgentSpec[] specs =
        [
            LlmRuns.Spec("calls", server.Endpoint, "calls", ("MaxModelCallsPerDay", "3")),
            LlmRuns.Spec("tokens", server.Endpoint, "tokens", ("MaxTokensPerDay", "1000")),
        ];

        await LlmRuns.RunAsync(temp.Sub("run"), factory, specs, "2026-01-01", "2026-01-02");

        Assert.Equal(6, server.Requests.Count(r => r.Model == "calls"));
        Assert.Equal(2 * 3, server.Requests.Count(r => r.Model == "tokens"));
    }

    [Fact]
    public async Task AnAnswerWithoutToolCallsEndsTheDayAndTheNextMorningIsAUserMessage()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(_ => ServerReply.Json(ChatCompletionJson.Text("x", "m", 10, 3, "I am done.")));
        using var factory = new LlmAgentFactory(_ => null);

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "m")], "2026-01-01", "2026-01-02");

        Assert.Equal(2, server.Requests.Count);
        var morning = LastMessage(server.Requests[1]);
        Assert.Equal("user", morning.GetProperty("role").GetString());
        Assert.StartsWith("Good morning. Today is 2026-01-02.", morning.GetProperty("content").GetString());
        Assert.Equal(2, ModelUsageFile.Read(LlmRuns.AgentFile(folder, "gpt", ModelUsageFile.FileName)).Length);
    }

    [Fact]
    public async Task TheWallTimeLimitEndsTheDayWithoutAFailure()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(request => request.Json.GetProperty("messages").GetArrayLength() <= 2
            ? Reply(request, [new("a", ToolNames.ListQuestions, "{}")])
            : Reply(request, [new("b", ToolNames.NextDay, "{}")]).After(TimeSpan.FromSeconds(10)));
        using var factory = new LlmAgentFactory(_ => null);
        var watch = Stopwatch.StartNew();

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [LlmRuns.Spec("gpt", server.Endpoint, "m", ("MaxWallTimePerDay", "500ms"))], "2026-01-01", "2026-01-01");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.DoesNotContain(LlmRuns.Events(folder), e => e is AgentFailed);
        Assert.Contains("\"kind\":\"day_limit\"", File.ReadAllText(LlmRuns.AgentFile(folder, "gpt", LlmAgentFactory.RecordingFileName)));
    }

    [Fact]
    public async Task AConversationOverItsBudgetIsCompactedAndStaysAValidChat()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        using var factory = new LlmAgentFactory(_ => null);
        AgentSpec[] specs = [LlmRuns.Spec("small", server.Endpoint, "small", ("ContextBudgetTokens", "1000")), LlmRuns.Spec("large", server.Endpoint, "large")];

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, specs, "2026-01-01", "2026-01-04");

        Assert.DoesNotContain(LlmRuns.Events(folder), e => e is AgentFailed);
        Assert.All(server.Requests, r => Assert.Null(ScriptedForecaster.ProtocolError([.. r.Json.GetProperty("messages").EnumerateArray()])));
        int LastSize(string model) => server.Requests.Last(r => r.Model == model).Body.Length;
        Assert.True(LastSize("small") < LastSize("large") * 3 / 4, $"{LastSize("small")} vs {LastSize("large")}");
        Assert.Contains("were removed from this conversation", server.Requests.Last(r => r.Model == "small").Body, StringComparison.Ordinal);
    }

    private static ServerReply Reply(ServedRequest request, ScriptedCall[] calls, bool suffix = false, int promptTokens = 10)
    {
        var n = request.Json.GetProperty("messages").GetArrayLength();
        var named = suffix ? calls.Select(c => c with { Id = $"call_{n}_{c.Id}" }) : calls;
        return ServerReply.Json(ChatCompletionJson.ToolCalls($"chatcmpl-{n}", request.Model, promptTokens, 5, named));
    }

    private static JsonElement LastMessage(ServedRequest request) => request.Json.GetProperty("messages").EnumerateArray().Last();

    /// <summary>The tool results a request carries, by tool call id.</summary>
    private static Dictionary<string, string> ToolResults(ServedRequest request) =>
        request.Json.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
}
