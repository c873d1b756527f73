using FutureSim.Core.Leaderboards;
using FutureSim.Core.Leaderboards.Export;
using FutureSim.Core.Tests.Golden;

namespace FutureSim.Core.Tests.Leaderboards.Export;

public sealed class TerminalLeaderboardExporterTests
{
    private static Leaderboard Board() => Leaderboard.Build(LeaderboardTests.ThreeRuns(), LeaderboardOptions.Default);

    private static string Export(int width) => new TerminalLeaderboardExporter(width).Export(new(Board()));

    [Fact]
    public void TheTerminalTableMatchesItsGoldenFile() =>
        GoldenFile.Verify("leaderboard.txt", Export(120));

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(140)]
    public void EveryLineFitsTheTerminalAndEveryAgentIsNamed(int width)
    {
        var text = Export(width);

        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        Assert.All(Board().Entries, e => Assert.Contains(e.Agent, text));
    }

    [Fact]
    public void AWideTerminalGetsTheIntervalsANarrowOneTheEstimatesAlone()
    {
        const string interval = @"\d\.\d{3} \[[-+]?\d\.\d{3}, [-+]?\d\.\d{3}\]";

        Assert.Matches(interval, Export(140));
        Assert.DoesNotMatch(interval, Export(60));
    }

    [Fact]
    public void TheColumnsAreTheHeadlineMetricAndOneMoreOfTheMetricTable()
    {
        foreach (var kind in new[] { LeaderboardMetric.FreeFormKind, LeaderboardMetric.BinaryKind })
        {
            var columns = TerminalLeaderboardExporter.Columns(kind);

            Assert.Equal(LeaderboardMetrics.Headline(kind), columns[0]);
            Assert.All(columns, m => Assert.Contains(m, LeaderboardMetrics.Of(kind)));
            Assert.All(columns, m => Assert.Contains(m.Header, Export(140)));
        }
    }
}
