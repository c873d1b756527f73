namespace FutureSim.Cluster.Contracts;

/// <summary>One run of a cluster sweep as the cluster records it: phase, current worker, days done, and every worker that ran it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunSnapshot(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunPhase Phase,
    [property: Id(2)] string? Worker,
    [property: Id(3)] int DaysDone,
    [property: Id(4)] int Days,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string[] Workers,
    [property: Id(7)] string? Message);
