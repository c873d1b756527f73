namespace FutureSim.Cluster.Contracts;

/// <summary>Whether the cluster took a sweep, and if not, why.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SubmitOutcome([property: Id(0)] bool Accepted, [property: Id(1)] string Message);
