namespace FutureSim.Cluster.Contracts;

/// <summary>Where a run of a cluster sweep stands.</summary>
[GenerateSerializer]
public enum RunPhase
{
    /// <summary>Waiting for a worker with a free slot.</summary>
    Pending,

    /// <summary>Leased to a worker, which renews its lease while it runs.</summary>
    Running,

    /// <summary>Its folder is complete and scored.</summary>
    Completed,

    /// <summary>It stopped on an error (recorded); submitting the sweep again retries it.</summary>
    Failed,
}
