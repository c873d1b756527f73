using System.Text.Json;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Cli.Evaluation;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Tests.Evaluation;

[Collection(CliCollection.Name)]
public sealed class LibraryAndAssemblyAgentTests(CliRun cli)
{
    [Fact]
    public void TheReadmeShowsTheExampleThatThisProjectCompilesAndRuns()
    {
        var readme = File.ReadAllText(Path.Combine(FutureSim.Cli.Configuration.ProjectRoot.Find(), "README.md")).ReplaceLineEndings("\n");
        var example = File.ReadAllText(Path.Combine(FutureSim.Cli.Configuration.ProjectRoot.Find(), "tests", "FutureSim.Cli.Tests", "Evaluation", "EvaluateMyAgent.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + example + "```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentFrameworkAgentBuiltByTheUserRunsInProcessBesideABaselineWithItsMiddlewareAndScores()
    {
        await using var server = ChatCompletionServer.Start(ScriptedForecaster.Respond);
        var request = new SimulationRequest { ConfigFiles = [cli.ConfigPath], RunId = "library", Start = new DateOnly(2025, 12, 1), End = new DateOnly(2025, 12, 4) };

        var (result, toolCallsSeen) = await MyForecasters.EvaluateMyAgent.RunAsync(server.Endpoint, "scripted", request);

        Assert.Equal(Path.Combine(cli.RunsDirectory, "library"), result.RunDirectory);
        Assert.Equal(["crowd", "mine"], result.Scores.Agents.Select(a => a.Agent));
        var mine = result.Scores.Agents.Single(a => a.Agent == "mine");
        Assert.True(mine.Submissions > 0);
        Assert.Empty(mine.Failures);
        Assert.True(mine.Questions.Any(q => q.ResolvedOn is not null && q.Forecast), "a forecast of the agent was scored");

        // The middleware saw every recorded tool call, and the next_day call that ended each of the four days.
        var recorded = RunFolderReader.ReadEvents(Path.Combine(result.RunDirectory, "events.jsonl")).OfType<ToolCalled>().Count(e => e.Agent == "mine");
        Assert.Equal(recorded + 4, toolCallsSeen);
        Assert.True(File.Exists(Path.Combine(result.RunDirectory, "leaderboard.md")));
        Assert.Equal("in-process", RunFolder.Open(result.RunDirectory).ReadManifest().Agents.Single(a => a.Name == "mine").Kind);
    }

    [Fact]
    public async Task TheCommandLineRunsAUsersAgentFromItsAssemblyAndNamesTheEntryWhenItCannotBeLoaded()
    {
        var config = Path.Combine(cli.Root, "assembly.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            Agents = new object[]
            {
                new { Name = "mine", Kind = "assembly", Assembly = typeof(CountingAgent).Assembly.Location, Type = typeof(CountingAgent).FullName, Yes = "0.7" },
                new { Name = "broken", Kind = "assembly", Assembly = typeof(CountingAgent).Assembly.Location, Type = "FutureSim.Cli.Tests.NoSuchAgent" },
            },
        }));

        var (code, _) = await cli.RunAsync("run", "--config", config, "--agents", "mine", "--run-id", "assembly", "--start", "2025-12-01", "--end", "2025-12-03", "--quiet");

        Assert.Equal(0, code);
        var events = RunFolderReader.ReadEvents(Path.Combine(cli.RunsDirectory, "assembly", "events.jsonl")).ToArray();
        Assert.Contains(events, e => e is ForecastSubmitted { Agent: "mine" } f && f.Outcomes["Yes"] == 0.7);

        var (badCode, _, error) = await cli.RunCapturingAsync("run", "--config", config, "--agents", "broken", "--run-id", "broken", "--quiet");
        Assert.Equal(2, badCode);
        Assert.Contains("Agent 'broken' (kind assembly)", error, StringComparison.Ordinal);
        Assert.Contains("has no public type 'FutureSim.Cli.Tests.NoSuchAgent'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "broken")));
    }
}
