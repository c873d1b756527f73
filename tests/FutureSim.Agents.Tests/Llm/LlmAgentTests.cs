using System.Text.Json;
using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.Bench;
using FutureSim.Core.Runs;
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
}
