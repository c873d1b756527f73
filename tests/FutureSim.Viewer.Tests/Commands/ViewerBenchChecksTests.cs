using FutureSim.Cli.Commands;

namespace FutureSim.Viewer.Tests.Commands;

public sealed class ViewerBenchChecksTests
{
    private const string Board = "{\"entries\":[{\"agent\":\"uniform\"},{\"agent\":\"crowd\"}]}";

    [Fact]
    public void EveryAgentOnTheLeaderboardAndASmallReportPassTheChecks() =>
        Assert.Empty(ViewerBenchCommand.Problems(["uniform", "crowd"], Board, 12_000_000));

    [Fact]
    public void AnAgentMissingFromTheLeaderboardFailsTheCheck() =>
        Assert.Contains("agent abstain", Assert.Single(ViewerBenchCommand.Problems(["uniform", "abstain"], Board, 12_000_000)));

    [Fact]
    public void AReportOverItsSizeTargetFailsTheCheck() =>
        Assert.Contains("MB", Assert.Single(ViewerBenchCommand.Problems(["uniform"], Board, 16_000_000)));
}
