using System.Text.Json;
using FutureSim.Cluster.Contracts;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cluster.Grains;

/// <summary>
/// The sweep's queue and leases. A run is leased to one worker at a time: the lease names the worker, carries an id that
/// changes with every grant, and expires unless renewed. Every change of ownership is written to PostgreSQL (with the
/// storage's version check, so that a second activation of the grain cannot overwrite it) before the worker hears of it.
/// A run whose lease expired — its worker died or lost touch — goes back to the queue and is resumed by the next worker
/// from its event log.
/// </summary>
internal sealed class SweepGrain(
    [PersistentState("sweep", ClusterStorage.Name)] IPersistentState<SweepGrainState> state,
    TimeProvider time,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain
{
    private Dictionary<string, string>? runJson;

    private string Name => this.GetPrimaryKeyString();

    private IDirectoryGrain Directory => GrainFactory.GetGrain<IDirectoryGrain>(0);

    public async Task<SubmitOutcome> SubmitAsync(string planJson)
    {
        SweepPlan plan;
        try
        {
            plan = SweepPlan.FromJson(planJson);
        }
        catch (JsonException e)
        {
            return new SubmitOutcome(false, $"The sweep plan is not readable: {e.Message}");
        }

        if (plan.Name != Name)
        {
            return new SubmitOutcome(false, $"The plan is named {plan.Name}, not {Name}.");
        }

        var current = state.State;
        if (current.PlanJson is not null && current.PlanJson != planJson && !current.Cancelled && !Finished(current))
        {
            return new SubmitOutcome(false, $"Another sweep named {Name} is running on this cluster: cancel it first (futuresim sweep cancel), or rename this one.");
        }

        if (current.PlanJson != planJson)
        {
            current.PlanJson = planJson;
            current.Runs = [.. plan.Runs.Select(r => new RunEntry { RunId = r.RunId, Days = r.Days, Fingerprint = r.CorpusFingerprint })];
            runJson = null;
        }

        current.Cancelled = false;
        var retried = 0;
        foreach (var run in current.Runs.Where(r => r.Phase == RunPhase.Failed))
        {
            run.Phase = RunPhase.Pending;
            run.Message = null;
            retried++;
        }

        await state.WriteStateAsync();
        await Directory.SetActiveAsync(Name, !Finished(current));
        logger.LogInformation("Sweep {Sweep} submitted: {Runs} runs, {Completed} already completed, {Retried} failed runs retried",
            Name, current.Runs.Count, current.Runs.Count(r => r.Phase == RunPhase.Completed), retried);
        return new SubmitOutcome(true, "");
    }

    public Task<SweepSnapshot> StatusAsync() => Task.FromResult(new SweepSnapshot(
        Name, state.State.PlanJson is not null, state.State.Cancelled, [.. state.State.Runs.Select(r => r.Snapshot())]));

    public async Task CancelAsync()
    {
        state.State.Cancelled = true;
        foreach (var run in state.State.Runs.Where(r => r.Phase == RunPhase.Running))
        {
            Requeue(run, "the sweep was cancelled");
        }

        await state.WriteStateAsync();
        await Directory.SetActiveAsync(Name, false);
        logger.LogInformation("Sweep {Sweep} cancelled", Name);
    }

    public async Task<RunLease?> ClaimAsync(string worker, string[] unusableFingerprints, TimeSpan lease)
    {
        if (state.State.PlanJson is null || state.State.Cancelled)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var changed = false;
        foreach (var expired in state.State.Runs.Where(r => r.Phase == RunPhase.Running && r.LeaseExpires <= now))
        {
            logger.LogWarning("Sweep {Sweep}: the lease of {Worker} on run {RunId} expired; the run goes back to the queue", Name, expired.Worker, expired.RunId);
            Requeue(expired, $"lease of {expired.Worker} expired");
            changed = true;
        }

        var next = state.State.Runs.FirstOrDefault(r => r.Phase == RunPhase.Pending && (r.Fingerprint is null || !unusableFingerprints.Contains(r.Fingerprint)));
        if (next is null)
        {
            if (changed)
            {
                await state.WriteStateAsync();
            }

            return null;
        }

        next.Phase = RunPhase.Running;
        next.Worker = worker;
        next.LeaseId = ++state.State.LastLeaseId;
        next.LeaseExpires = now + lease;
        next.Attempts++;
        next.Workers.Add(worker);
        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep}: run {RunId} leased to {Worker} (lease {LeaseId}, attempt {Attempt})", Name, next.RunId, worker, next.LeaseId, next.Attempts);
        return new RunLease(Name, next.RunId, next.LeaseId, RunJson(next.RunId));
    }

    public async Task<string[]> RenewAsync(string worker, LeaseRenewal[] leases, TimeSpan lease)
    {
        var expires = time.GetUtcNow() + lease;
        var lost = new List<string>();
        foreach (var renewal in leases)
        {
            var run = Find(renewal.RunId);
            if (run is not { Phase: RunPhase.Running } || run.Worker != worker || run.LeaseId != renewal.LeaseId || state.State.Cancelled)
            {
                lost.Add(renewal.RunId);
                continue;
            }

            run.LeaseExpires = expires;
            run.DaysDone = Math.Max(run.DaysDone, renewal.DaysDone);
        }

        if (lost.Count < leases.Length)
        {
            await state.WriteStateAsync();
        }

        return [.. lost];
    }

    public async Task<bool> CompleteAsync(string worker, string runId, long leaseId)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return false;
        }

        run.Phase = RunPhase.Completed;
        run.DaysDone = run.Days;
        run.Worker = null;
        run.Message = null;
        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep}: run {RunId} completed by {Worker}", Name, runId, worker);
        await DeactivateWhenFinishedAsync();
        return true;
    }

    public async Task FailAsync(string worker, string runId, long leaseId, string message)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return;
        }

        run.Phase = RunPhase.Failed;
        run.Worker = null;
        run.Message = $"{worker}: {message}";
        await state.WriteStateAsync();
        logger.LogWarning("Sweep {Sweep}: run {RunId} failed on {Worker}: {Message}", Name, runId, worker, message);
        await DeactivateWhenFinishedAsync();
    }

    public async Task ReleaseAsync(string worker, string runId, long leaseId, string reason)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return;
        }

        Requeue(run, $"{worker} gave it back: {reason}");
        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep}: {Worker} gave run {RunId} back ({Reason})", Name, worker, runId, reason);
    }

    private static bool Finished(SweepGrainState sweep) => sweep.Runs.All(r => r.Phase is RunPhase.Completed or RunPhase.Failed);

    private static void Requeue(RunEntry run, string why)
    {
        run.Phase = RunPhase.Pending;
        run.Worker = null;
        run.Message = why;
    }

    private async Task DeactivateWhenFinishedAsync()
    {
        if (Finished(state.State))
        {
            await Directory.SetActiveAsync(Name, false);
        }
    }

    private RunEntry? Find(string runId) => state.State.Runs.FirstOrDefault(r => r.RunId == runId);

    private RunEntry? Held(string worker, string runId, long leaseId) =>
        Find(runId) is { Phase: RunPhase.Running } run && run.Worker == worker && run.LeaseId == leaseId ? run : null;

    private string RunJson(string runId)
    {
        runJson ??= SweepPlan.FromJson(state.State.PlanJson!).Runs.ToDictionary(r => r.RunId, r => JsonSerializer.Serialize(r, RunFormat.Json), StringComparer.Ordinal);
        return runJson[runId];
    }
}
