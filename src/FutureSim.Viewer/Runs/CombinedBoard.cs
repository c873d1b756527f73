using System.Collections.Immutable;
using FutureSim.Core.Leaderboards;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// The leaderboard over several runs (seeds of one configuration pooled), its daily bands, the runs it covers, and
/// whether any was imported from FutureSim (FutureSim's own view of them is then a document of its own).
/// </summary>
public sealed record CombinedBoard(Leaderboard Board, ImmutableArray<ImmutableArray<DailyBand>> Bands, ImmutableArray<string> RunIds, bool FutureSim);
