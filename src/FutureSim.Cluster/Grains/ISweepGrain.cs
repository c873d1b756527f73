using FutureSim.Cluster.Contracts;

namespace FutureSim.Cluster.Grains;

/// <summary>
/// One sweep on the cluster, keyed by its name: the queue of its runs and the leases that decide which worker writes which
/// run. Its state is written to PostgreSQL before every answer that changes ownership.
/// </summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>Takes the plan (<c>sweep.json</c>). The same plan again resumes a cancelled sweep and retries its failed runs; another plan under a running sweep's name is refused.</summary>
    Task<SubmitOutcome> SubmitAsync(string planJson);

    Task<SweepSnapshot> StatusAsync();

    /// <summary>Stops handing out runs and revokes the leases of running ones (their workers stop them after their current day).</summary>
    Task CancelAsync();

    /// <summary>Leases the next waiting run (or one whose lease expired) to <paramref name="worker"/> for <paramref name="lease"/>, skipping runs needing a corpus it cannot verify; null when there is none.</summary>
    Task<RunLease?> ClaimAsync(string worker, string[] unusableFingerprints, TimeSpan lease);

    /// <summary>Extends the worker's leases; returns the ids of runs whose lease it no longer holds (it must stop them).</summary>
    Task<string[]> RenewAsync(string worker, LeaseRenewal[] leases, TimeSpan lease);

    /// <summary>The run's folder is complete; false when the lease was no longer the worker's.</summary>
    Task<bool> CompleteAsync(string worker, string runId, long leaseId);

    /// <summary>The run stopped on an error; it is recorded as failed.</summary>
    Task FailAsync(string worker, string runId, long leaseId, string message);

    /// <summary>The worker gives the run back (shutting down, or its corpus differs); another worker takes it.</summary>
    Task ReleaseAsync(string worker, string runId, long leaseId, string reason);
}
