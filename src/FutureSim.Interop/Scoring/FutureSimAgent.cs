using System.Collections.Immutable;

namespace FutureSim.Interop.Scoring;

/// <summary>One agent (all its seeds) in FutureSim's leaderboard view.</summary>
public sealed record FutureSimAgent(string AgentSlug, string AgentName, int SeedCount, ImmutableArray<FutureSimAgentPoint> Points);
