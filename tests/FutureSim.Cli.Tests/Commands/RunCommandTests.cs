using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class RunCommandTests(CliRun cli)
{
    [Fact]
    public async Task TheMainJobOnASliceOfTheBundledDataRunsEveryBaselineAndNeverLeaks()
    {
        var (code, output) = await cli.RunAsync("run", "--run-id", "slice", "--start", "2025-11-20", "--end", "2025-12-20", "--quiet");

        Assert.Equal(0, code);
        var folder = RunFolder.Open(Path.Combine(cli.RunsDirectory, "slice"));
        var manifest = folder.ReadManifest();
        Assert.Equal(RunStatus.Completed, manifest.Status);
        Assert.Equal(["abstain", "uniform", "crowd", "base-rate", "news-frequency"], manifest.Agents.Select(a => a.Name));
        Assert.Equal(VisibilityPolicy(), manifest.Corpus.Policy);

        var events = RunFolderReader.ReadEvents(folder.EventsPath).ToArray();
        var forecasters = events.OfType<ForecastSubmitted>().Select(f => f.Agent).ToHashSet();
        Assert.Equal(["base-rate", "crowd", "news-frequency", "uniform"], forecasters.Order());
        Assert.Contains(events, e => e is QuestionResolved);
        Assert.Contains(events, e => e is ToolCalled { Tool: "search_news", ArticleIds.Length: > 0 });
        foreach (var call in events.OfType<ToolCalled>())
        {
            Assert.All(call.VisibleAt, visibleAt => Assert.True(visibleAt <= SimulatedTime.EndOf(call.Day), $"{call.Agent} got an article from the future on {call.Day}"));
        }

        Assert.Contains("news-frequency", output);
    }

    [Fact]
    public async Task AKilledRunResumedFromTheCommandLineEndsWithTheSameEventsAndLeaderboard()
    {
        var (code, _) = await cli.RunAsync("run", "--run-id", "whole", "--start", "2025-12-01", "--end", "2025-12-12", "--quiet");
        Assert.Equal(0, code);
        var whole = Path.Combine(cli.RunsDirectory, "whole");
        var killed = Path.Combine(cli.RunsDirectory, "killed");
        Directory.CreateDirectory(killed);
        foreach (var file in new[] { "manifest.json", "questions.jsonl" })
        {
            File.Copy(Path.Combine(whole, file), Path.Combine(killed, file));
        }

        // A kill in the middle of day 7's write: complete days, then half a line.
        var events = File.ReadAllBytes(Path.Combine(whole, "events.jsonl"));
        var text = System.Text.Encoding.UTF8.GetString(events);
        var cut = text.IndexOf("\"day\":\"2025-12-07\"", StringComparison.Ordinal) + 40;
        File.WriteAllText(Path.Combine(killed, "events.jsonl"), text[..cut]);
        File.WriteAllText(Path.Combine(killed, "manifest.json"), File.ReadAllText(Path.Combine(killed, "manifest.json")).Replace("\"whole\"", "\"killed\""));

        (code, _) = await cli.RunAsync("run", "--resume", "killed", "--quiet");

        Assert.Equal(0, code);
        Assert.Equal(events, File.ReadAllBytes(Path.Combine(killed, "events.jsonl")));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "daily_metrics.csv")), File.ReadAllText(Path.Combine(killed, "daily_metrics.csv")));
    }

    [Theory]
    [InlineData("--start", "2025-13-01")]
    [InlineData("--end", "2024-01-01")]
    [InlineData("--questions", "/nonexistent/questions.jsonl")]
    [InlineData("--resume", "no-such-run")]
    [InlineData("--run-id", "../escape")]
    public async Task BadRunOptionsAreBadInputExitsAndNoRunFolderIsLeftBehind(string option, string value)
    {
        var before = Directory.Exists(cli.RunsDirectory) ? Directory.GetDirectories(cli.RunsDirectory).Length : 0;
        var (code, _) = await cli.RunAsync("run", option, value, "--quiet");
        Assert.Equal(2, code);
        Assert.Equal(before, Directory.Exists(cli.RunsDirectory) ? Directory.GetDirectories(cli.RunsDirectory).Length : 0);
    }

    [Fact]
    public async Task AJudgeSectionWithoutAModelIsABadConfigurationWhenAnswersAreScored()
    {
        var judge = Path.Combine(cli.Root, "judge.json");
        File.WriteAllText(judge, "{\"Judge\": {\"Endpoint\": \"http://127.0.0.1:9/v1\"}}");
        var (code, _) = await cli.RunAsync("run", "--run-id", "judged", "--start", "2025-12-01", "--end", "2025-12-03", "--quiet", "--config", judge);
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "judged")));
    }

    [Fact]
    public async Task AnUnknownAgentNameIsABadOptionNamingTheConfiguredAgents()
    {
        var (code, _) = await cli.RunAsync("run", "--agents", "oracle", "--quiet");
        Assert.Equal(2, code);
    }

    private static Core.Articles.VisibilityPolicy VisibilityPolicy() => Core.Articles.VisibilityPolicy.Strict;
}
