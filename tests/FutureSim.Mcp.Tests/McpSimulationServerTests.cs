using FutureSim.Core.Runs;
using FutureSim.Core.Tools;

namespace FutureSim.Mcp.Tests;

public sealed class McpSimulationServerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AClientDrivesAWholeSimulationDayByDayUntilItIsToldTheSimulationIsComplete()
    {
        using var world = SimulationWorld.Create("client");
        await using var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);

        var tools = await client.ListToolsAsync();
        Assert.Equal(
            new[] { "get_article", "list_questions", "next_day", "read_notes", "search_news", "submit_forecasts", "write_notes" },
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));

        var market = await client.TextAsync(ToolNames.ListQuestions);
        Assert.Contains("Today is 2026-01-01", market);
        Assert.Contains("q-mayor", market);
        Assert.DoesNotContain("q-rates", market);

        var search = await client.TextAsync(ToolNames.SearchNews, new { query = "mayor race", max_results = 3 });
        Assert.Contains("id: a-01", search);
        var (submitted, refused) = await client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new Dictionary<string, double> { ["Alice Smith"] = 0.7, ["Bob Jones"] = 0.2 } });
        Assert.False(refused, submitted);
        await client.TextAsync(ToolNames.WriteNotes, new { text = "Alice leads." });

        var mornings = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            mornings.Add(await client.TextAsync(ToolNames.NextDay));
            if (i == 0)
            {
                Assert.Equal("Alice leads.", await client.TextAsync(ToolNames.ReadNotes));
                await client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-rates", outcomes = new { Yes = 0.8 } });
            }
        }

        Assert.Contains("Today is 2026-01-02", mornings[0]);
        Assert.Contains("Today is 2026-01-03", mornings[1]);
        Assert.Contains("Truth: Alice Smith", mornings[1]);
        Assert.Contains("Today is 2026-01-05", mornings[3]);
        Assert.Contains("complete", await client.TextAsync(ToolNames.NextDay));
        Assert.Contains("complete", await client.TextAsync(ToolNames.SearchNews, new { query = "mayor" }));

        await client.DisposeAsync();
        await pipe.DisposeAsync();
        var manifest = await server.WaitAsync(Limit);

        Assert.Equal(RunStatus.Completed, manifest!.Status);
        var events = world.Events();
        var forecasts = events.OfType<ForecastSubmitted>().ToArray();
        Assert.Equal([("q-mayor", "2026-01-01"), ("q-rates", "2026-01-02")], forecasts.Select(f => (f.QuestionId.Value, f.Day.ToString("yyyy-MM-dd", null))));
        Assert.Equal(0.7, forecasts[0].Outcomes["Alice Smith"]);
        Assert.Equal(5, events.OfType<DayCompleted>().Count());
        Assert.Empty(events.OfType<AgentFailed>());
        Assert.Contains(events.OfType<ToolCalled>(), c => c.Tool == ToolNames.SearchNews && c.ArticleIds.Contains("a-01"));
    }

    [Fact]
    public async Task AClientThatDisconnectsEarlyLeavesAResumableRun()
    {
        using var world = SimulationWorld.Create("client");
        var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);
        await client.TextAsync(ToolNames.NextDay);
        await client.DisposeAsync();
        await pipe.DisposeAsync();

        Assert.Null(await server.WaitAsync(Limit));
        Assert.Equal(RunStatus.Running, world.Folder.ReadManifest().Status);
        Assert.Contains(world.Events(), e => e is DayCompleted { Day.Day: 1 });
    }

    [Fact]
    public async Task AClientWhoseDayRanOutOfTimeIsToldTheSimulationMovedOn()
    {
        // Long enough for the first call of a cold process on a busy machine (the whole suite runs at once).
        var dayLimit = TimeSpan.FromSeconds(3);
        using var world = SimulationWorld.Create(dayLimit, "client");
        await using var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);
        Assert.Contains("Today is 2026-01-01", await client.TextAsync(ToolNames.ListQuestions));

        await Task.Delay(dayLimit + TimeSpan.FromMilliseconds(300));
        var later = await client.TextAsync(ToolNames.ListQuestions);

        Assert.Contains("your day 2026-01-01 ended before you called next_day", later);
        Assert.Contains("Good morning", later);
        await client.DisposeAsync();
        await pipe.DisposeAsync();
        await server.WaitAsync(Limit);
        Assert.Contains(world.Events(), e => e is AgentFailed { Kind: "timeout", Day.Day: 1 });
    }
}
