namespace FutureSim.Core.Leaderboards;

/// <summary>The formula or rule behind a leaderboard figure that is not a bootstrapped metric (see <see cref="LeaderboardNotes"/>).</summary>
public sealed record LeaderboardNote(string Id, Func<LeaderboardOptions, string> Text);
