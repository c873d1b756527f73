namespace FutureSim.Core.Leaderboards;

/// <summary>One scored column of a leaderboard: its id, its header, what it averages over, its formula and whether it is shown with a sign (skill scores).</summary>
internal sealed record MetricColumn(string Kind, string Id, string Header, string Denominator, string Formula, Func<LeaderboardEntry, Estimate?> Select, bool Signed = false);
