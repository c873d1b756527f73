using FsCheck;
using FsCheck.Fluent;
using FutureSim.Core.Runs;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using TestData = FutureSim.TestKit.TestData;

namespace FutureSim.Mcp.Tests;

public sealed class LeakageThroughMcpTests
{
    private static readonly string[] FutureMarkers = ["a-future", "Zanzibar", "a-02", "Central bank holds rates"];

    [Fact]
    public async Task AskingForAFutureArticleLooksExactlyLikeAskingForAMissingOne()
    {
        await using var session = await StartAsync();

        var future = await session.Client.CallAsync(ToolNames.GetArticle, new { id = "a-future" });
        var tomorrow = await session.Client.CallAsync(ToolNames.GetArticle, new { id = "a-02" });
        var missing = await session.Client.CallAsync(ToolNames.GetArticle, new { id = "no-such-id" });

        Assert.True(future.IsError && tomorrow.IsError && missing.IsError);
        Assert.Equal(missing.Text.Replace("no-such-id", "X"), future.Text.Replace("a-future", "X"));
        Assert.Equal(missing.Text.Replace("no-such-id", "X"), tomorrow.Text.Replace("a-02", "X"));
        Assert.Contains("Springfield", (await session.Client.CallAsync(ToolNames.GetArticle, new { id = "a-01" })).Text);
    }

    [Fact]
    public async Task DatesBeyondTheCutoffAreClampedAndReportedAndReturnNothingFromTheFuture()
    {
        await using var session = await StartAsync();

        var text = await session.Client.TextAsync(ToolNames.SearchNews, new { query = "central bank rates future answer Zanzibar", from_date = "2026-01-01", to_date = "2026-12-31", max_results = 10 });
        var onlyFuture = await session.Client.TextAsync(ToolNames.SearchNews, new { query = "Zanzibar", from_date = "2026-01-09" });

        Assert.Contains("clamped", text);
        AssertNothingFromTheFuture(text);
        AssertNothingFromTheFuture(onlyFuture);
    }

    [Fact]
    public async Task UnopenedQuestionsLookUnknownAndResolvedOnesAreClosed()
    {
        await using var session = await StartAsync();

        var unopened = await session.Client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-late", outcomes = new { Zanzibar = 0.9 } });
        var unknown = await session.Client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-nope", outcomes = new { Zanzibar = 0.9 } });
        var market = await session.Client.TextAsync(ToolNames.ListQuestions);
        Assert.True(unopened.IsError);
        Assert.Equal(unknown.Text.Replace("q-nope", "X"), unopened.Text.Replace("q-late", "X"));
        Assert.DoesNotContain("q-late", market);
        Assert.DoesNotContain("Truth", market);
        Assert.DoesNotContain("Alice Smith", market);

        await session.AdvanceToAsync(TestData.Day("2026-01-03"));
        var resolved = await session.Client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new Dictionary<string, double> { ["Alice Smith"] = 1 } });
        Assert.True(resolved.IsError);
        Assert.Contains("already resolved", resolved.Text);
        Assert.DoesNotContain(session.World.Events(), e => e is ForecastSubmitted);
    }

    [Fact]
    public async Task HostileQueryTextIsTreatedAsWordsAndNeverReachesTheFuture()
    {
        await using var session = await StartAsync();
        string[] hostile =
        [
            "*", "?", "title:*", "id:a-future", "visible_at:[* TO *]", "Zanzibar~2", "/.*/", "\" OR 1=1 --", "Zanz*",
            "a-future OR body:Zanzibar", "\\\\\\", "{\"$where\": \"1\"}", "\u0000\u0001\u202e", new string('(', 5000), string.Concat(Enumerable.Repeat("Zanzibar ", 20000)),
        ];

        foreach (var query in hostile)
        {
            var (text, _) = await session.Client.CallAsync(ToolNames.SearchNews, new { query, max_results = 10 });
            AssertNothingFromTheFuture(text);
        }

        var generated = Gen.Elements("Zanzibar", "future", "*", ":", "~", "\"", "(", ")", "[", "]", "OR", "AND", "NOT", "secret", "a-future", " ", "\\", "/", "{", "}")
            .ArrayOf().Select(parts => string.Concat(parts));
        foreach (var query in generated.Sample(150, 12))
        {
            var (text, _) = await session.Client.CallAsync(ToolNames.SearchNews, new { query });
            AssertNothingFromTheFuture(text);
        }

        // The session survived all of it.
        Assert.Contains("q-mayor", await session.Client.TextAsync(ToolNames.ListQuestions));
    }

    [Fact]
    public async Task MalformedArgumentsComeBackAsToolErrorsAndTheSessionGoesOn()
    {
        await using var session = await StartAsync();
        (string Tool, object Arguments)[] malformed =
        [
            (ToolNames.SearchNews, new { }),
            (ToolNames.SearchNews, new { query = 42.5, max_results = "many" }),
            (ToolNames.SearchNews, new { query = "mayor", max_results = 2.5 }),
            (ToolNames.SearchNews, new { query = new[] { "mayor" } }),
            (ToolNames.SearchNews, new { query = "mayor", from_date = "yesterday" }),
            (ToolNames.GetArticle, new { id = new { nested = true } }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor" }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new[] { 0.5, 0.5 } }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new { Alice = "likely" } }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = "{not json" }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new { A = 0.6, B = 0.6 } }),
            (ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new { A = -0.1 } }),
            (ToolNames.SubmitForecasts, new { question_id = new { id = 1 }, outcomes = new { A = 0.1 } }),
            (ToolNames.WriteNotes, new { text = new string('x', IForecastingTools.NotesLimit + 1) }),
            ("drop_tables", new { }),
        ];

        foreach (var (tool, arguments) in malformed)
        {
            var (text, isError) = await session.Client.CallAsync(tool, arguments);
            Assert.True(isError, $"{tool} {System.Text.Json.JsonSerializer.Serialize(arguments)} → {text}");
            Assert.StartsWith("Error: ", text);
        }

        var lenient = await session.Client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = "{\"Alice Smith\": \"0.6\"}" });
        Assert.False(lenient.IsError, lenient.Text);
        Assert.Contains("Found", await session.Client.TextAsync(ToolNames.SearchNews, new { query = "mayor", max_results = "2" }));
    }

    private static Task<McpSession> StartAsync() => McpSession.StartAsync();

    private static void AssertNothingFromTheFuture(string text)
    {
        foreach (var marker in FutureMarkers)
        {
            Assert.DoesNotContain(marker, text);
        }
    }
}
