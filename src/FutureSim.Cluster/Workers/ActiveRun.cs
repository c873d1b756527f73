using FutureSim.Cluster.Contracts;

namespace FutureSim.Cluster.Workers;

/// <summary>A run this worker executes under a lease: its cancellation, its task, how many days it has written, and when the lease was last confirmed.</summary>
internal sealed class ActiveRun(RunLease lease, int days, long confirmedAt) : IDisposable
{
    private int daysDone;
    private long confirmedAt = confirmedAt;

    public RunLease Lease { get; } = lease;

    public int Days { get; } = days;

    public CancellationTokenSource Stop { get; } = new();

    public Task? Execution { get; set; }

    /// <summary>Why the worker stopped the run itself (lease lost or not renewable, shutting down), or null.</summary>
    public string? StopReason { get; private set; }

    /// <summary>The timestamp (of the worker's monotonic clock) at which the last successful renewal (or the claim) was sent.</summary>
    public long ConfirmedAt
    {
        get => Interlocked.Read(ref confirmedAt);
        set => Interlocked.Exchange(ref confirmedAt, value);
    }

    public int DaysDone => Volatile.Read(ref daysDone);

    public void DayDone(int number) => Volatile.Write(ref daysDone, number);

    public void Cancel(string reason)
    {
        lock (Stop)
        {
            StopReason ??= reason;
        }

        Stop.Cancel();
    }

    public LeaseRenewal Renewal() => new(Lease.RunId, Lease.LeaseId, DaysDone);

    public void Dispose() => Stop.Dispose();
}
