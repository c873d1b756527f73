using FutureSim.Cluster.Contracts;

namespace FutureSim.Cluster.Grains;

/// <summary>A run's record in the sweep grain's persisted state: its phase and lease.</summary>
[GenerateSerializer]
public sealed class RunEntry
{
    [Id(0)]
    public string RunId { get; set; } = "";

    [Id(1)]
    public RunPhase Phase { get; set; }

    /// <summary>The worker holding the lease (while running).</summary>
    [Id(2)]
    public string? Worker { get; set; }

    /// <summary>Changes with every grant, so that a renewal or report from a previous holder is refused.</summary>
    [Id(3)]
    public long LeaseId { get; set; }

    [Id(4)]
    public DateTimeOffset LeaseExpires { get; set; }

    [Id(5)]
    public int DaysDone { get; set; }

    [Id(6)]
    public int Days { get; set; }

    [Id(7)]
    public int Attempts { get; set; }

    [Id(8)]
    public List<string> Workers { get; set; } = [];

    [Id(9)]
    public string? Message { get; set; }

    /// <summary>The corpus fingerprint the run needs (workers that cannot verify it skip the run).</summary>
    [Id(10)]
    public string? Fingerprint { get; set; }

    public RunSnapshot Snapshot() => new(RunId, Phase, Worker, DaysDone, Days, Attempts, [.. Workers], Message);
}
