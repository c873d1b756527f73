using System.Collections.Concurrent;
using System.Text.Json;
using FutureSim.Cluster.Contracts;
using FutureSim.Cluster.Grains;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cluster.Workers;

/// <summary>
/// The worker inside its silo. One loop asks the active sweeps for runs while the worker has free slots, executes each through
/// the <see cref="ISweepRunExecutor"/>, tells the sweep how each ended, and reports the worker's slots and runs to the directory.
/// Another loop, never held up by the first, renews the leases every quarter of <see cref="ClusterSettings.LeaseDuration"/> and
/// stops any run whose lease was revoked or could not be confirmed for three quarters of it — before the lease can expire and pass
/// to another worker — so that a run folder has one writer at a time.
/// </summary>
internal sealed class SweepWorker(
    IGrainFactory grains,
    ISweepRunExecutor executor,
    ClusterSettings settings,
    WorkerIdentity identity,
    TimeProvider time,
    ILogger<SweepWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    /// <summary>After asking in vain, the worker asks again this much later (or as soon as one of its runs ends).</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(1);

    /// <summary>The runs under way, by lease id.</summary>
    private readonly ConcurrentDictionary<long, ActiveRun> active = new();
    private readonly HashSet<string> unusableFingerprints = new(StringComparer.Ordinal);

    /// <summary>Released when a run ends, so that its slot is offered again at once rather than at the next tick.</summary>
    private readonly SemaphoreSlim ended = new(0);
    private string? problem;
    private long askAgainAt;

    private IDirectoryGrain Directory => grains.GetGrain<IDirectoryGrain>(0);

    private TimeSpan Safe => settings.LeaseDuration * 0.75;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Worker {Worker} of cluster {Cluster} ready: {Capacity} slots, silo {Silo}", identity.Name, settings.Name, settings.Capacity, identity.Silo);
        var leases = Task.Run(() => KeepLeasesAsync(stoppingToken), CancellationToken.None);
        var lastReport = 0L;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await FinishAsync();
                await ClaimAsync(stoppingToken);
                if (lastReport == 0 || time.GetElapsedTime(lastReport) >= ReportEvery)
                {
                    lastReport = time.GetTimestamp();
                    await ReportAsync();
                }

                await ended.WaitAsync(Tick, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the runs back below.
        }

        foreach (var run in active.Values)
        {
            run.Cancel("the worker is shutting down");
        }

        await Task.WhenAll(active.Values.Select(r => r.Execution ?? Task.CompletedTask).Append(leases).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        await FinishAsync();
    }

    /// <summary>Renews the leases and fences the runs whose lease is in doubt; a slow renewal never delays the fence.</summary>
    private async Task KeepLeasesAsync(CancellationToken stoppingToken)
    {
        var lastRenewal = time.GetTimestamp();
        Task renewing = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var run in active.Values.Where(r => !r.Stop.IsCancellationRequested && time.GetElapsedTime(r.ConfirmedAt) > Safe))
            {
                run.Cancel($"its lease could not be renewed for {time.GetElapsedTime(run.ConfirmedAt).TotalSeconds:0.0} s");
            }

            if (renewing.IsCompleted && time.GetElapsedTime(lastRenewal) >= settings.LeaseDuration / 4)
            {
                lastRenewal = time.GetTimestamp();
                renewing = RenewAsync();
            }

            try
            {
                await Task.Delay(Tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RenewAsync()
    {
        foreach (var group in active.Values.Where(r => !r.Stop.IsCancellationRequested).GroupBy(r => r.Lease.Sweep).ToArray())
        {
            var sent = time.GetTimestamp();
            try
            {
                var lost = await grains.GetGrain<ISweepGrain>(group.Key).RenewAsync(identity.Name, [.. group.Select(r => r.Renewal())], settings.LeaseDuration);
                foreach (var run in group)
                {
                    if (lost.Contains(run.Lease.RunId))
                    {
                        run.Cancel("its lease was revoked (the sweep was cancelled or the run passed to another worker)");
                    }
                    else
                    {
                        run.ConfirmedAt = sent;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Worker {Worker} could not renew its leases on sweep {Sweep}: {Message}", identity.Name, group.Key, e.Message);
            }
        }
    }

    /// <summary>Tells the sweeps about the runs that ended: completed, failed, or given back.</summary>
    private async Task FinishAsync()
    {
        foreach (var run in active.Values.Where(r => r.Execution is { IsCompleted: true }).ToArray())
        {
            var lease = run.Lease;
            var sweep = grains.GetGrain<ISweepGrain>(lease.Sweep);
            try
            {
                var execution = run.Execution!;
                if (execution.IsCompletedSuccessfully)
                {
                    var kept = await sweep.CompleteAsync(identity.Name, lease.RunId, lease.LeaseId);
                    logger.LogInformation(kept ? "Worker {Worker} completed run {RunId}" : "Worker {Worker} completed run {RunId}, whose lease had passed on", identity.Name, lease.RunId);
                }
                else if (execution.Exception?.GetBaseException() is CorpusMismatchException mismatch)
                {
                    unusableFingerprints.Add(mismatch.Expected);
                    problem = mismatch.Message;
                    logger.LogError("Worker {Worker} cannot run {RunId}: {Message}", identity.Name, lease.RunId, mismatch.Message);
                    await sweep.ReleaseAsync(identity.Name, lease.RunId, lease.LeaseId, "its corpus differs here");
                }
                else if (run.StopReason is { } reason)
                {
                    logger.LogWarning("Worker {Worker} stopped run {RunId} after day {Days}: {Reason}", identity.Name, lease.RunId, run.DaysDone, reason);
                    await sweep.ReleaseAsync(identity.Name, lease.RunId, lease.LeaseId, reason);
                }
                else
                {
                    var error = execution.Exception?.GetBaseException() ?? new OperationCanceledException();
                    logger.LogError(error, "Worker {Worker}: run {RunId} failed", identity.Name, lease.RunId);
                    await sweep.FailAsync(identity.Name, lease.RunId, lease.LeaseId, error.Message);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The sweep cannot be told now; the lease expires and the run is picked up again (its folder says how far it got).
                logger.LogWarning("Worker {Worker} could not report the end of run {RunId}: {Message}", identity.Name, lease.RunId, e.Message);
            }

            active.TryRemove(lease.LeaseId, out _);
            run.Dispose();
        }
    }

    private async Task ClaimAsync(CancellationToken stoppingToken)
    {
        if (active.Count >= settings.Capacity || time.GetTimestamp() < askAgainAt)
        {
            return;
        }

        var before = active.Count;
        askAgainAt = 0;
        string[] sweeps;
        try
        {
            sweeps = await Directory.ActiveSweepsAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Worker {Worker} could not list the cluster's sweeps: {Message}", identity.Name, e.Message);
            return;
        }

        foreach (var name in sweeps)
        {
            while (active.Count < settings.Capacity && !stoppingToken.IsCancellationRequested)
            {
                var asked = time.GetTimestamp();
                var sweep = grains.GetGrain<ISweepGrain>(name);
                RunLease? lease;
                try
                {
                    lease = await sweep.ClaimAsync(identity.Name, [.. unusableFingerprints], settings.LeaseDuration);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Worker {Worker} could not ask sweep {Sweep} for a run: {Message}", identity.Name, name, e.Message);
                    break;
                }

                if (lease is null)
                {
                    break;
                }

                // A grant that took most of a lease to arrive may already be another worker's; a run still stopping here must not get a second writer.
                var refusal = time.GetElapsedTime(asked) > Safe ? "the grant arrived too late"
                    : active.Values.Any(r => r.Lease.RunId == lease.RunId) ? "this worker is still stopping an earlier attempt"
                    : null;
                if (refusal is not null)
                {
                    logger.LogWarning("Worker {Worker} gives run {RunId} back at once: {Reason}", identity.Name, lease.RunId, refusal);
                    await GiveBackAsync(sweep, lease, refusal);
                    break;
                }

                Start(lease, asked);
            }
        }

        if (active.Count == before)
        {
            askAgainAt = time.GetTimestamp() + (long)(QuietFor.TotalSeconds * time.TimestampFrequency);
        }
    }

    private async Task GiveBackAsync(ISweepGrain sweep, RunLease lease, string reason)
    {
        try
        {
            await sweep.ReleaseAsync(identity.Name, lease.RunId, lease.LeaseId, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Worker {Worker} could not give run {RunId} back (its lease will expire): {Message}", identity.Name, lease.RunId, e.Message);
        }
    }

    private void Start(RunLease lease, long grantedAt)
    {
        var run = JsonSerializer.Deserialize<SweepRun>(lease.RunJson, RunFormat.Json)!;
        var plan = new SweepPlan { Name = lease.Sweep, Runs = [run] };
        var entry = new ActiveRun(lease, run.Days, grantedAt);
        active[lease.LeaseId] = entry;
        logger.LogInformation("Worker {Worker} took run {RunId} of sweep {Sweep} (lease {LeaseId})", identity.Name, lease.RunId, lease.Sweep, lease.LeaseId);
        entry.Execution = Task.Run(() => executor.ExecuteAsync(plan, run, identity.Name, new Progress(entry), entry.Stop.Token), CancellationToken.None);
        entry.Execution.ContinueWith(_ =>
        {
            Interlocked.Exchange(ref askAgainAt, 0);
            ended.Release();
        }, TaskScheduler.Default);
    }

    private async Task ReportAsync()
    {
        var running = active.Values.Select(r => $"{r.Lease.RunId} ({r.DaysDone}/{r.Days} days)").Order(StringComparer.Ordinal).ToArray();
        try
        {
            await Directory.ReportAsync(new WorkerReport(identity.Name, identity.Silo, settings.Capacity, running, problem, time.GetUtcNow()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("Worker {Worker} could not report: {Message}", identity.Name, e.Message);
        }
    }

    public override void Dispose()
    {
        ended.Dispose();
        base.Dispose();
    }

    private sealed class Progress(ActiveRun run) : IProgress<DayReport>
    {
        public void Report(DayReport value) => run.DayDone(value.DayNumber);
    }
}
