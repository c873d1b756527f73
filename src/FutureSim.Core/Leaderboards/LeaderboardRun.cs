using FutureSim.Core.Runs;

namespace FutureSim.Core.Leaderboards;

/// <summary>One run folder that went into a leaderboard.</summary>
public sealed record LeaderboardRun(string RunId, RunStatus Status, bool IsComplete, int Days, DateOnly? FirstDay, DateOnly? LastDay, int Warnings);
