using System.Collections.Immutable;

namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// What exporters are handed: the immutable <see cref="Leaderboard"/> (its entries, comparisons and the scored runs
/// it was built from) and the pictures drawn beside it, linked by relative path.
/// </summary>
public sealed record LeaderboardReport(Leaderboard Board, ImmutableArray<ChartReference> Charts)
{
    public LeaderboardReport(Leaderboard board)
        : this(board, [])
    {
    }
}
