using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using ModelContextProtocol.Client;

namespace FutureSim.Mcp.Tests;

/// <summary><c>futuresim mcp</c> as a client sees it: a separate process speaking MCP on its stdio.</summary>
public sealed class McpProcessTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "futuresim-mcp-process", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ARealClientDrivesAMultiDaySimulationInTheFuturesimProcessAndTheRunFolderScoresAsExpected()
    {
        WriteProject();
        var serverErrors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "futuresim",
            Command = FutureSimExecutable.Dotnet,
            Arguments =
            [
                FutureSimExecutable.DllPath, "mcp", "--run-id", "mcp-e2e", "--start", "2026-01-01", "--end", "2026-01-04",
                "--corpus", Path.Combine(root, "news"), "--questions", Path.Combine(root, "questions.jsonl"),
            ],
            WorkingDirectory = root,
            StandardErrorLines = line => serverErrors.Enqueue(line),
        });

        var briefings = new List<string>();
        await using (var client = await McpClient.CreateAsync(transport))
        {
            var tools = await client.ListToolsAsync();
            Assert.Equal(
                ["get_article", "list_questions", "next_day", "read_notes", "search_news", "submit_forecasts", "write_notes"],
                tools.Select(t => t.Name).Order(StringComparer.Ordinal));

            var market = await client.TextAsync(ToolNames.ListQuestions);
            Assert.Contains("Today is 2026-01-01", market);
            Assert.Contains("q-mayor", market);
            Assert.Contains("q-storm", market);
            var search = await client.TextAsync(ToolNames.SearchNews, new { query = "mayor race polls" });
            Assert.Contains("id: a-01", search);
            Assert.DoesNotContain("a-03", search);
            Assert.Contains("Error", await client.TextAsync(ToolNames.GetArticle, new { id = "a-03" }));

            Assert.False((await client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-mayor", outcomes = new Dictionary<string, double> { ["Alice Smith"] = 0.6, ["Bob Jones"] = 0.3 } })).IsError);
            Assert.False((await client.CallAsync(ToolNames.SubmitForecasts, new { question_id = "q-storm", outcomes = new Dictionary<string, double> { ["Coast"] = 0.5 } })).IsError);
            for (var i = 0; i < 3; i++)
            {
                briefings.Add(await client.TextAsync(ToolNames.NextDay));
            }

            Assert.Contains("complete", await client.TextAsync(ToolNames.NextDay));
        }

        Assert.Contains("Today is 2026-01-02", briefings[0]);
        Assert.Contains("Truth: Alice Smith", briefings[1]);
        Assert.Contains("Score (futuresim_bss): 0.7500", briefings[1]);
        Assert.Contains("Today is 2026-01-04", briefings[2]);

        var folder = RunFolder.Open(Path.Combine(root, "runs", "mcp-e2e"));
        Assert.Equal(RunStatus.Completed, await WaitForStatusAsync(folder));
        var manifest = folder.ReadManifest();
        Assert.Equal("mcp-client", Assert.Single(manifest.Agents).Name);
        var events = RunHarness.Events(folder);
        var forecasts = events.OfType<ForecastSubmitted>().ToDictionary(f => f.QuestionId.Value);
        Assert.Equal(["q-mayor", "q-storm"], forecasts.Keys.Order(StringComparer.Ordinal));
        Assert.All(forecasts.Values, f => Assert.Equal(new DateOnly(2026, 1, 1), f.Day));
        Assert.Equal(4, events.OfType<DayCompleted>().Count());

        // Scored from the run folder alone: each forecast against the truth the run recorded when its question resolved.
        var truths = events.OfType<QuestionResolved>().ToDictionary(r => r.QuestionId.Value, r => r.Answer);
        Assert.Equal(0.75, ForecastScores.FreeFormSkill(forecasts["q-mayor"].Outcomes, o => o == truths["q-mayor"]), 9);
        Assert.Equal(0.75, ForecastScores.FreeFormSkill(forecasts["q-storm"].Outcomes, o => o == truths["q-storm"]), 9);

        // The run's own scoring agrees, and its leaderboard went to standard error, never into the protocol stream.
        var metrics = File.ReadAllLines(folder.File("daily_metrics.csv"));
        var header = metrics[0].Split(',');
        var lastDay = metrics[^1].Split(',');
        Assert.Equal(("2026-01-04", "mcp-client"), (lastDay[0], lastDay[1]));
        Assert.Equal("0.750000", lastDay[Array.IndexOf(header, "bss_all")]);
        Assert.Equal("1.000000", lastDay[Array.IndexOf(header, "accuracy")]);
        Assert.Contains(serverErrors, line => line.Contains("FutureSim leaderboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FuturesimRunDrivesAConfiguredCliAgentInItsSandboxThroughItsOwnRelay()
    {
        var harness = Path.Combine(AppContext.BaseDirectory, "Harness");
        var standIn = Path.Combine(harness, "stand-in-agent.sh");
        WriteProject(new { Name = "stand-in", Kind = "cli-harness", Command = $"bash {standIn} {{mcp_config}} {{date}}", ExitGrace = "00:00:20", ReadOnlyPaths = new[] { harness } });

        var (exitCode, output, errors) = await RunFuturesimAsync(null, "run", "--run-id", "harness-e2e", "--quiet");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("stand-in", output);
        var folder = RunFolder.Open(Path.Combine(root, "runs", "harness-e2e"));
        Assert.Equal("bubblewrap", Assert.Single(folder.ReadManifest().Agents).Settings["Sandbox"]);
        var events = RunHarness.Events(folder);
        Assert.Empty(events.OfType<AgentFailed>());
        // Every question has resolved by the last day, so the agent forecasts on the first three and only looks on the fourth.
        Assert.Equal(
            ["2026-01-01", "2026-01-02", "2026-01-03"],
            events.OfType<ForecastSubmitted>().Select(f => f.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct());
        var workspace = folder.File(Path.Combine("agents", "stand-in", "workspace"));
        Assert.True(File.Exists(Path.Combine(workspace, "memory", "next-day-2026-01-04.txt")));
        Assert.Equal(["articles", "market.csv", "memory"], Directory.EnumerateFileSystemEntries(workspace).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutBubblewrapASandboxedAgentIsABadInputExitThatSaysHowToInstallItOrOptOutAndNoRunFolderIsLeft()
    {
        WriteProject(new { Name = "stand-in", Kind = "cli-harness", Command = "bash agent.sh" });

        // A PATH without bwrap: the muxer is started by its full path.
        var (exitCode, _, errors) = await RunFuturesimAsync("/nonexistent", "run", "--run-id", "no-sandbox", "--quiet");

        Assert.Equal(2, exitCode);
        Assert.Contains("Agent 'stand-in' (kind cli-harness) runs in a bubblewrap sandbox", errors);
        Assert.Contains("apt-get install bubblewrap", errors);
        Assert.Contains("\"Sandbox\": \"none\"", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.False(Directory.Exists(Path.Combine(root, "runs", "no-sandbox")));
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunFuturesimAsync(string? path, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(FutureSimExecutable.Dotnet)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments.Prepend(FutureSimExecutable.DllPath))
        {
            start.ArgumentList.Add(argument);
        }

        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // A safety net only: on a machine shared with other builds a sandboxed run of four days has taken two minutes.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output, await errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The server writes the final manifest as its process winds down after the client leaves.</summary>
    private static async Task<RunStatus> WaitForStatusAsync(RunFolder folder)
    {
        for (var i = 0; i < 100 && folder.ReadManifest().Status != RunStatus.Completed; i++)
        {
            await Task.Delay(100);
        }

        return folder.ReadManifest().Status;
    }

    /// <summary>A project folder of its own: settings, a FutureSim dated news tree and a FutureSim question file.</summary>
    private void WriteProject(params object[] agents)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Serilog = new { MinimumLevel = new { Default = "Warning" } },
            Corpus = new { Files = new[] { "news" }, IndexDirectory = "index", Visibility = "Strict" },
            Simulation = new
            {
                Start = "2026-01-01", End = "2026-01-04", LookbackDays = 0, RunsDirectory = "runs", AgentDayTimeout = "00:05:00",
                QuestionSets = new[] { "questions.jsonl" },
            },
            Agents = agents,
        }));
        foreach (var article in SimulationWorld.Articles)
        {
            var day = SimulatedTime.DayOf(article.VisibleAt);
            var path = Path.Combine(root, "news", day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture), day.ToString("dd", CultureInfo.InvariantCulture), "articles.jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, JsonSerializer.Serialize(new
            {
                id = article.Id.Value, title = article.Title, source = article.Source, date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), content = article.Body,
            }) + "\n");
        }

        File.WriteAllLines(Path.Combine(root, "questions.jsonl"),
        [
            JsonSerializer.Serialize(new { qid = "q-mayor", title = "Who will be elected mayor of Springfield?", resolution_date = "2026-01-03", ground_truth = "Alice Smith", answer_type = "Name (person)" }),
            JsonSerializer.Serialize(new { qid = "q-storm", title = "Where will the storm hit?", resolution_date = "2026-01-04", ground_truth = "Coast", answer_type = "Place" }),
        ]);
    }
}
