using FutureSim.Cli.Reports;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Scoring;

namespace FutureSim.Cli.Sweeps;

/// <summary>The sweep's leaderboard: every completed run scored from its folder, seeds of a configuration pooled, written into the sweep folder.</summary>
internal sealed class PooledLeaderboard(RunReports reports)
{
    /// <summary>Writes <c>leaderboard.md/.csv/.json</c> and charts into <paramref name="folder"/> and returns the Markdown.</summary>
    public async Task<string> WriteAsync(SweepFolder folder, IReadOnlyList<string> runFolders, CancellationToken cancellationToken)
    {
        var scores = new List<RunScores>();
        foreach (var run in runFolders)
        {
            scores.Add(await reports.ScoreAsync(run, cancellationToken));
        }

        var board = Leaderboard.Build(scores, LeaderboardOptions.Default);
        await RunReports.WriteLeaderboardAsync(board, folder.Root, runFolders, null, cancellationToken);
        return RunReports.Markdown(board, runFolders);
    }
}
