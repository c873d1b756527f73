namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class LeaderboardCommandTests(CliRun cli)
{
    [Fact]
    public async Task TheLeaderboardOfRunFoldersIsByteIdenticalEveryTimeInEveryFormat()
    {
        Assert.Equal(0, (await cli.RunAsync("run", "--run-id", "board-a", "--start", "2025-12-01", "--end", "2025-12-06", "--quiet")).ExitCode);
        var run = Path.Combine(cli.RunsDirectory, "board-a");

        foreach (var format in new[] { "md", "csv", "json" })
        {
            var first = await cli.RunAsync("leaderboard", run, "--format", format, "--out", Path.Combine(cli.Root, "board-1"));
            var second = await cli.RunAsync("leaderboard", run, "--format", format, "--out", Path.Combine(cli.Root, "board-2"));
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(first.Output, second.Output);
            Assert.NotEmpty(first.Output);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(cli.Root, "board-1"), "*", SearchOption.AllDirectories))
        {
            var twin = Path.Combine(cli.Root, "board-2", Path.GetRelativePath(Path.Combine(cli.Root, "board-1"), file));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
        }

        Assert.Contains(Directory.GetFiles(Path.Combine(cli.Root, "board-1"), "*.png", SearchOption.AllDirectories), f => f.Contains("reliability", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScoreRewritesTheDerivedFilesAndPrintsEveryQuestionOnRequest()
    {
        Assert.Equal(0, (await cli.RunAsync("run", "--run-id", "score-a", "--start", "2025-12-01", "--end", "2025-12-06", "--quiet")).ExitCode);
        var run = Path.Combine(cli.RunsDirectory, "score-a");
        var metrics = File.ReadAllText(Path.Combine(run, "daily_metrics.csv"));
        File.Delete(Path.Combine(run, "daily_metrics.csv"));

        var (code, output) = await cli.RunAsync("score", run, "--per-question");

        Assert.Equal(0, code);
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(run, "daily_metrics.csv")));
        Assert.StartsWith(Core.Scoring.QuestionScoresCsv.Header, output);
        Assert.Contains("uniform", output);
        Assert.True(output.Split('\n').Length > 10);
    }

    [Fact]
    public async Task AFolderThatIsNotARunIsABadInputExit()
    {
        var (code, _) = await cli.RunAsync("leaderboard", cli.Root);
        Assert.Equal(2, code);
    }
}
