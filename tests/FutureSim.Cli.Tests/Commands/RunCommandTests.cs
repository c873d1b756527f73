using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task TheMainJobOnASliceOfTheBundledDataRunsEveryBaselineAndNeverLeaks()
    {
        var (code, output) = await cli.RunAsync("run", "--run-id", "slice", "--start", "2025-05-01", "--end", "2025-06-10", "--quiet");

        Assert.Equal(0, code);
        var folder = RunFolder.Open(Path.Combine(cli.RunsDirectory, "slice"));
        var manifest = folder.ReadManifest();
        Assert.Equal(RunStatus.Completed, manifest.Status);
        Assert.Equal(["abstain", "uniform", "crowd", "base-rate", "news-frequency"], manifest.Agents.Select(a => a.Name));
        Assert.Equal(VisibilityPolicy(), manifest.Corpus.Policy);

        var events = RunFolderReader.ReadLines<RunEvent>(folder.EventsPath).ToArray();
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
    public async Task AnUnknownAgentNameIsABadOptionNamingTheConfiguredAgents()
    {
        var (code, _) = await cli.RunAsync("run", "--agents", "oracle", "--quiet");
        Assert.Equal(2, code);
    }

    private static Core.Articles.VisibilityPolicy VisibilityPolicy() => Core.Articles.VisibilityPolicy.Strict;
}
