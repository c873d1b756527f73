namespace FutureSim.Cluster.Contracts;

/// <summary>A run handed to a worker: the run (its <c>SweepRun</c> as JSON) and the lease that makes the worker its only writer.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RunLease(
    [property: Id(0)] string Sweep,
    [property: Id(1)] string RunId,
    [property: Id(2)] long LeaseId,
    [property: Id(3)] string RunJson);
