namespace FutureSim.Cluster.Contracts;

/// <summary>A cluster sweep's state: its runs in plan order, and whether it was cancelled. Empty when the cluster does not know the sweep.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SweepSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Known,
    [property: Id(2)] bool Cancelled,
    [property: Id(3)] RunSnapshot[] Runs)
{
    /// <summary>Every run completed or failed.</summary>
    public bool Finished => Known && Runs.All(r => r.Phase is RunPhase.Completed or RunPhase.Failed);
}
