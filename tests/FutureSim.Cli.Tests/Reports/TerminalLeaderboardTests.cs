using FutureSim.Cli.Reports;

namespace FutureSim.Cli.Tests.Reports;

public sealed class TerminalLeaderboardTests
{
    [Fact]
    public async Task TheTablesAreFollowedByTheWayToTheFullLeaderboardTheChartsTheReportAndTheViewer()
    {
        var board = await ChartWriterTests.BoardAsync();

        var written = TerminalLeaderboard.Render(board, "runs/chart-run", ["runs/chart-run"], 140);
        var printedOnly = TerminalLeaderboard.Render(board, null, ["runs/chart-run"], 80);

        Assert.Contains("steady", written);
        Assert.Contains("wobbly", written);
        Assert.Contains(Path.Combine("runs/chart-run", "leaderboard.md"), written);
        Assert.Contains(Path.Combine("runs/chart-run", "charts"), written);
        Assert.Contains("futuresim view runs/chart-run", written);
        Assert.Contains("futuresim report runs/chart-run --out report.html", written);
        Assert.Contains("futuresim leaderboard runs/chart-run --format md", printedOnly);
        Assert.DoesNotContain("**", written); // no Markdown, no formula list
    }
}
