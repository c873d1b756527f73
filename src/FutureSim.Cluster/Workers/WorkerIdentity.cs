namespace FutureSim.Cluster.Workers;

/// <summary>Who this worker is in logs and status: its name and its silo's address.</summary>
internal sealed record WorkerIdentity(string Name, string Silo);
