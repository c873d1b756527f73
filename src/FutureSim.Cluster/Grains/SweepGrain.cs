using System.Text.Json;
using FutureSim.Cluster.Contracts;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cluster.Grains;

/// <summary>
/// A sweep on the cluster: the <see cref="SweepLedger"/>'s queue and leases over state kept in PostgreSQL. Every change of
/// ownership is written (with the storage's version check, so that a second activation of the grain cannot overwrite it)
/// before the worker hears of it. A run whose lease expired — its worker died or lost touch — goes back to the queue and
/// is resumed by the next worker from its event log.
/// </summary>
internal sealed class SweepGrain(
    [PersistentState("sweep", ClusterStorage.Name)] IPersistentState<SweepGrainState> state,
    TimeProvider time,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain
{
    private Dictionary<string, string>? runJson;

    private string Name => this.GetPrimaryKeyString();

    private SweepLedger Ledger => new(state.State, time);

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

        var ledger = Ledger;
        var outcome = ledger.Submit(plan, planJson, out var retried);
        if (!outcome.Accepted)
        {
            return outcome;
        }

        runJson = null;
        await state.WriteStateAsync();
        await Directory.SetActiveAsync(Name, !ledger.Finished);
        logger.LogInformation("Sweep {Sweep} submitted: {Runs} runs, {Completed} already completed, {Retried} failed runs retried",
            Name, state.State.Runs.Count, state.State.Runs.Count(r => r.Phase == RunPhase.Completed), retried);
        return outcome;
    }

    public Task<SweepSnapshot> StatusAsync() => Task.FromResult(Ledger.Snapshot(Name));

    public async Task CancelAsync()
    {
        Ledger.Cancel();
        await state.WriteStateAsync();
        await Directory.SetActiveAsync(Name, false);
        logger.LogInformation("Sweep {Sweep} cancelled", Name);
    }

    public async Task<RunLease?> ClaimAsync(string worker, string[] unusableFingerprints, TimeSpan lease)
    {
        var ledger = Ledger;
        var expired = ledger.Expire();
        foreach (var (runId, holder) in expired)
        {
            logger.LogWarning("Sweep {Sweep}: the lease of {Worker} on run {RunId} expired; the run goes back to the queue", Name, holder, runId);
        }

        var next = ledger.Claim(worker, unusableFingerprints, lease);
        if (next is not null || expired.Count > 0)
        {
            await state.WriteStateAsync();
        }

        if (next is null)
        {
            return null;
        }

        logger.LogInformation("Sweep {Sweep}: run {RunId} leased to {Worker} (lease {LeaseId}, attempt {Attempt})", Name, next.RunId, worker, next.LeaseId, next.Attempts);
        return new RunLease(Name, next.RunId, next.LeaseId, RunJson(next.RunId));
    }

    public async Task<string[]> RenewAsync(string worker, LeaseRenewal[] leases, TimeSpan lease)
    {
        var lost = Ledger.Renew(worker, leases, lease);
        if (lost.Count < leases.Length)
        {
            await state.WriteStateAsync();
        }

        return [.. lost];
    }

    public async Task<bool> CompleteAsync(string worker, string runId, long leaseId)
    {
        if (!Ledger.Complete(worker, runId, leaseId))
        {
            return false;
        }

        await state.WriteStateAsync();
        logger.LogInformation("Sweep {Sweep}: run {RunId} completed by {Worker}", Name, runId, worker);
        await DeactivateWhenFinishedAsync();
        return true;
    }

    public async Task FailAsync(string worker, string runId, long leaseId, string message)
    {
        if (Ledger.Fail(worker, runId, leaseId, message))
        {
            await state.WriteStateAsync();
            logger.LogWarning("Sweep {Sweep}: run {RunId} failed on {Worker}: {Message}", Name, runId, worker, message);
            await DeactivateWhenFinishedAsync();
        }
    }

    public async Task ReleaseAsync(string worker, string runId, long leaseId, string reason)
    {
        if (Ledger.Release(worker, runId, leaseId, reason))
        {
            await state.WriteStateAsync();
            logger.LogInformation("Sweep {Sweep}: {Worker} gave run {RunId} back ({Reason})", Name, worker, runId, reason);
        }
    }

    private async Task DeactivateWhenFinishedAsync()
    {
        if (Ledger.Finished)
        {
            await Directory.SetActiveAsync(Name, false);
        }
    }

    private string RunJson(string runId)
    {
        runJson ??= SweepPlan.FromJson(state.State.PlanJson!).Runs.ToDictionary(r => r.RunId, r => JsonSerializer.Serialize(r, RunFormat.Json), StringComparer.Ordinal);
        return runJson[runId];
    }
}
