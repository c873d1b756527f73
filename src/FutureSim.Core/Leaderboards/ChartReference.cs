namespace FutureSim.Core.Leaderboards;

/// <summary>A picture to show with a leaderboard: its caption and its path relative to the leaderboard file (forward slashes).</summary>
public sealed record ChartReference(string Caption, string RelativePath);
