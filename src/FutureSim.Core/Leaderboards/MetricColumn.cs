namespace FutureSim.Core.Leaderboards;

/// <summary>One scored column of a leaderboard: its id, its header, what it averages over and its formula.</summary>
internal sealed record MetricColumn(string Kind, string Id, string Header, string Denominator, string Formula, Func<LeaderboardEntry, Estimate?> Select);
