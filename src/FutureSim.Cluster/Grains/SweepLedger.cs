using FutureSim.Cluster.Contracts;
using FutureSim.Core.Sweeps;

namespace FutureSim.Cluster.Grains;

/// <summary>
/// The rules of a cluster sweep's queue and leases, over its stored state: who may write which run, and when a run goes
/// back to the queue. A lease names one worker, carries an id that changes with every grant and expires unless renewed;
/// a renewal, completion or report under any other lease id is refused. Every method says whether the state changed, so that
/// the grain writes it (and the worker hears of a grant) only after PostgreSQL has it.
/// </summary>
internal sealed class SweepLedger(SweepGrainState state, TimeProvider time)
{
    public bool Known => state.PlanJson is not null;

    public bool Cancelled => state.Cancelled;

    public bool Finished => state.Runs.All(r => r.Phase is RunPhase.Completed or RunPhase.Failed);

    /// <summary>Takes a plan. The same plan again resumes a cancelled sweep and retries its failed runs; another plan is refused while the sweep runs.</summary>
    public SubmitOutcome Submit(SweepPlan plan, string planJson, out int retried)
    {
        retried = 0;
        if (state.PlanJson is not null && state.PlanJson != planJson && !state.Cancelled && !Finished)
        {
            return new SubmitOutcome(false, $"Another sweep named {plan.Name} is running on this cluster: cancel it first (futuresim sweep cancel), or rename this one.");
        }

        if (state.PlanJson != planJson)
        {
            state.PlanJson = planJson;
            state.Runs = [.. plan.Runs.Select(r => new RunEntry { RunId = r.RunId, Days = r.Days, Fingerprint = r.CorpusFingerprint })];
        }

        state.Cancelled = false;
        foreach (var run in state.Runs.Where(r => r.Phase == RunPhase.Failed))
        {
            run.Phase = RunPhase.Pending;
            run.Message = null;
            retried++;
        }

        return new SubmitOutcome(true, "");
    }

    /// <summary>Stops handing out runs and revokes every lease.</summary>
    public void Cancel()
    {
        state.Cancelled = true;
        foreach (var run in state.Runs.Where(r => r.Phase == RunPhase.Running))
        {
            Requeue(run, "the sweep was cancelled");
        }
    }

    /// <summary>Requeues the runs whose lease expired; returns them (for the log).</summary>
    public IReadOnlyList<(string RunId, string? Worker)> Expire()
    {
        var now = time.GetUtcNow();
        var expired = state.Runs.Where(r => r.Phase == RunPhase.Running && r.LeaseExpires <= now).ToArray();
        var lost = expired.Select(r => (r.RunId, r.Worker)).ToArray();
        foreach (var run in expired)
        {
            Requeue(run, $"lease of {run.Worker} expired");
        }

        return lost;
    }

    /// <summary>Leases the first waiting run the worker can verify the corpus of, or returns null.</summary>
    public RunEntry? Claim(string worker, IReadOnlyCollection<string> unusableFingerprints, TimeSpan lease)
    {
        if (state.PlanJson is null || state.Cancelled)
        {
            return null;
        }

        var next = state.Runs.FirstOrDefault(r => r.Phase == RunPhase.Pending && (r.Fingerprint is null || !unusableFingerprints.Contains(r.Fingerprint)));
        if (next is null)
        {
            return null;
        }

        next.Phase = RunPhase.Running;
        next.Worker = worker;
        next.LeaseId = ++state.LastLeaseId;
        next.LeaseExpires = time.GetUtcNow() + lease;
        next.Attempts++;
        next.Workers.Add(worker);
        return next;
    }

    /// <summary>Extends the leases the worker still holds; returns the runs whose lease it does not hold.</summary>
    public IReadOnlyList<string> Renew(string worker, IEnumerable<LeaseRenewal> renewals, TimeSpan lease)
    {
        var expires = time.GetUtcNow() + lease;
        var lost = new List<string>();
        foreach (var renewal in renewals)
        {
            if (Held(worker, renewal.RunId, renewal.LeaseId) is not { } run)
            {
                lost.Add(renewal.RunId);
                continue;
            }

            run.LeaseExpires = expires;
            run.DaysDone = Math.Max(run.DaysDone, renewal.DaysDone);
        }

        return lost;
    }

    public bool Complete(string worker, string runId, long leaseId)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return false;
        }

        run.Phase = RunPhase.Completed;
        run.DaysDone = run.Days;
        run.Worker = null;
        run.Message = null;
        return true;
    }

    public bool Fail(string worker, string runId, long leaseId, string message)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return false;
        }

        run.Phase = RunPhase.Failed;
        run.Worker = null;
        run.Message = $"{worker}: {message}";
        return true;
    }

    public bool Release(string worker, string runId, long leaseId, string reason)
    {
        if (Held(worker, runId, leaseId) is not { } run)
        {
            return false;
        }

        Requeue(run, $"{worker} gave it back: {reason}");
        return true;
    }

    public SweepSnapshot Snapshot(string name) => new(name, Known, state.Cancelled, [.. state.Runs.Select(r => r.Snapshot())]);

    private static void Requeue(RunEntry run, string why)
    {
        run.Phase = RunPhase.Pending;
        run.Worker = null;
        run.Message = why;
    }

    private RunEntry? Held(string worker, string runId, long leaseId) =>
        state.Cancelled ? null
        : state.Runs.FirstOrDefault(r => r.RunId == runId) is { Phase: RunPhase.Running } run && run.Worker == worker && run.LeaseId == leaseId ? run
        : null;
}
