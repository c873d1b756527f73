using System.Text.Json;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Tools;

public sealed class ToolInvokerTests
{
    private static Dictionary<string, JsonElement> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public async Task CallsThatNeverReachAToolAreAnsweredWithAnExampleAndStillRecorded()
    {
        using var harness = new RunHarness([Article("a1", "2025-01-01", "Election called")], [FreeForm("q1", "2025-01-01", "2025-01-03", "Alice")], "2025-01-01", "2025-01-01");
        var replies = new List<ToolReply>();
        var agent = new DelegateAgent(tools =>
        {
            replies.Add(ToolInvoker.Invoke(tools, ToolNames.SearchNews, Json("""{"query": "election", "max_results": "many"}""")));
            replies.Add(ToolInvoker.Invoke(tools, "fly_to_moon", Json("{}")));
            replies.Add(ToolInvoker.Unreadable(tools, ToolNames.SubmitForecasts, "unexpected end of data"));
            replies.Add(ToolInvoker.Invoke(tools, ToolNames.SubmitForecasts, Json("""{"question_id": "q1", "outcomes": "{\"Alice\": \"0.6\"}"}""")));
        });

        var events = RunHarness.Events(await harness.RunAsync("r", ("a", agent)));

        Assert.Equal([true, true, true, false], replies.Select(r => r.IsError));
        Assert.StartsWith("Error: invalid arguments for search_news: 'max_results' must be a whole number", replies[0].Text);
        Assert.Contains("Example: {\"query\"", replies[0].Text);
        Assert.StartsWith("Error: there is no tool named 'fly_to_moon'. The tools are: get_article, list_questions, next_day", replies[1].Text);
        var calls = events.OfType<ToolCalled>().ToArray();
        Assert.Equal([ToolNames.SearchNews, "fly_to_moon", ToolNames.SubmitForecasts, ToolNames.SubmitForecasts], calls.Select(c => c.Tool));
        Assert.Equal([true, true, true, false], calls.Select(c => c.Error is not null));
        Assert.Equal("many", calls[0].Arguments.GetProperty("max_results").GetString());
        Assert.Equal(0.6, Assert.Single(events.OfType<ForecastSubmitted>()).Outcomes["Alice"]);
    }
}
