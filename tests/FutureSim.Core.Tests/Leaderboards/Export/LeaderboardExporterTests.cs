using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tests.Golden;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Leaderboards.Export;

public sealed class LeaderboardExporterTests
{
    private static readonly LeaderboardOptions Options = LeaderboardOptions.Default;

    private static Leaderboard Board() => Leaderboard.Build(LeaderboardTests.ThreeRuns(), Options);

    private static string Json(Leaderboard board) => LeaderboardExporters.Json.Export(new(board));

    [Fact]
    public void TheMarkdownLeaderboardMatchesItsGoldenFile() =>
        GoldenFile.Verify("leaderboard.md", LeaderboardExporters.Markdown.Export(new(
            Board(),
            [new ChartReference("Score over time", "charts/score-over-time.png")])));

    [Fact]
    public void TheCsvLeaderboardMatchesItsGoldenFile() =>
        GoldenFile.Verify("leaderboard.csv", LeaderboardExporters.Csv.Export(new(Board())));

    [Fact]
    public void TheJsonLeaderboardMatchesItsGoldenFile() =>
        GoldenFile.Verify("leaderboard.json", Json(Board()));

    [Fact]
    public void TheJsonLeaderboardCarriesItsFormatVersion() =>
        Assert.StartsWith("{\n  \"format_version\": 1,", Json(Board()));

    [Fact]
    public void ModelUsageOnAnEntryReachesEveryFormat()
    {
        var board = Board();
        var usage = new UsageSummary(Days: 4, Calls: 12, InputTokens: 9_000, OutputTokens: 700, Cost: 0.0123);
        board = board with { Entries = [.. board.Entries.Select(e => e.Agent == "gamma" ? e with { ModelUsage = usage } : e)] };
        var report = new LeaderboardReport(board);

        Assert.Contains("| gamma | 4 | 12 | 9000 | 700 | 0.0123 |", LeaderboardExporters.Markdown.Export(report));
        Assert.Contains("all,,gamma,02b5a7cb,1,4,model_calls,12,", LeaderboardExporters.Csv.Export(report));
        Assert.Contains("\"model_usage\": {\n        \"days\": 4,\n        \"calls\": 12,", Json(board));
        Assert.DoesNotContain("model_usage", Json(Board()));
    }
}
