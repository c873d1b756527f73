namespace FutureSim.Cluster.Contracts;

/// <summary>What a worker says about itself every few seconds: its slots, the runs it executes (with days done) and any problem.</summary>
[GenerateSerializer]
[Immutable]
public sealed record WorkerReport(
    [property: Id(0)] string Name,
    [property: Id(1)] string Silo,
    [property: Id(2)] int Capacity,
    [property: Id(3)] string[] Running,
    [property: Id(4)] string? Problem,
    [property: Id(5)] DateTimeOffset ReportedAt);
