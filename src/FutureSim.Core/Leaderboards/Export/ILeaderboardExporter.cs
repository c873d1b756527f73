namespace FutureSim.Core.Leaderboards.Export;

/// <summary>
/// Writes a <see cref="LeaderboardReport"/> in one format. Exporters see only the immutable report, never the
/// runner or the run folders, and must be deterministic: the same report gives the same bytes (invariant
/// culture, fixed decimals, "\n" line ends). A new output format is one new exporter, registered with the
/// executable's others (see <see cref="LeaderboardExporters"/>).
/// </summary>
public interface ILeaderboardExporter
{
    /// <summary>The format's name as <c>--format</c> takes it, e.g. <c>md</c>, <c>csv</c>, <c>json</c>, <c>html</c>.</summary>
    string Format { get; }

    /// <summary>The file it is written to beside the others, e.g. <c>leaderboard.md</c>.</summary>
    string FileName { get; }

    /// <summary>The whole output.</summary>
    string Export(LeaderboardReport report);
}
