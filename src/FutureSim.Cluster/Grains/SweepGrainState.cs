namespace FutureSim.Cluster.Grains;

/// <summary>A cluster sweep as stored in PostgreSQL: the plan as submitted, each run's record, and the lease counter.</summary>
[GenerateSerializer]
public sealed class SweepGrainState
{
    /// <summary>The submitted plan (<c>sweep.json</c>), or null before the first submission.</summary>
    [Id(0)]
    public string? PlanJson { get; set; }

    /// <summary>The runs, in plan order.</summary>
    [Id(1)]
    public List<RunEntry> Runs { get; set; } = [];

    [Id(2)]
    public bool Cancelled { get; set; }

    [Id(3)]
    public long LastLeaseId { get; set; }
}
