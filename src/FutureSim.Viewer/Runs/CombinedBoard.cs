using System.Collections.Immutable;
using FutureSim.Core.Leaderboards;

namespace FutureSim.Viewer.Runs;

/// <summary>The leaderboard over several runs (seeds of one configuration pooled), its daily bands and the runs it covers.</summary>
public sealed record CombinedBoard(Leaderboard Board, ImmutableArray<ImmutableArray<DailyBand>> Bands, ImmutableArray<string> RunIds);
