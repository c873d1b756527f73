using FutureSim.Cli.Reports;
using FutureSim.Core.Leaderboards;

namespace FutureSim.Cli.Sweeps;

/// <summary>The sweep's leaderboard: every completed run scored from its folder, seeds of a configuration pooled, written into the sweep folder.</summary>
internal sealed class PooledLeaderboard(RunReports reports)
{
    /// <summary>Writes <c>leaderboard.md/.csv/.json</c> and charts into <paramref name="folder"/> and returns the Markdown.</summary>
    public async Task<string> WriteAsync(SweepFolder folder, IReadOnlyList<string> runFolders, CancellationToken cancellationToken)
    {
        var board = Leaderboard.Build(await reports.ScoreAllAsync(runFolders, cancellationToken), LeaderboardOptions.Default);
        await RunReports.WriteLeaderboardAsync(board, folder.Root, null, cancellationToken);
        return RunReports.Render(board, "md");
    }
}
