namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class BenchCommandTests(CliRun cli)
{
    [Fact]
    public async Task BenchToolsCallsTheToolsOverTheConfiguredCorpusAndPassesItsChecks()
    {
        var (code, output) = await cli.RunAsync("bench", "tools", "--calls", "100", "--day", "2025-12-01");

        Assert.Equal(0, code);
        Assert.Contains("get_article", output);
        Assert.Contains("submit_forecasts", output);
    }

    [Fact]
    public async Task BenchScoringScoresRunFoldersAndPrintsItsTimes()
    {
        var (code, output) = await cli.RunAsync("bench", "scoring", "--configurations", "1", "--seeds", "2", "--questions", "5", "--days", "5", "--resamples", "10");

        Assert.Equal(0, code);
        Assert.Contains("2 run folders (1 configurations × 2 seeds)", output);
    }
}
