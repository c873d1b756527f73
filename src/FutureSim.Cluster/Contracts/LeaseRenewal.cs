namespace FutureSim.Cluster.Contracts;

/// <summary>A worker still holds this lease and has written this many days of the run.</summary>
[GenerateSerializer]
[Immutable]
public sealed record LeaseRenewal(
    [property: Id(0)] string RunId,
    [property: Id(1)] long LeaseId,
    [property: Id(2)] int DaysDone);
