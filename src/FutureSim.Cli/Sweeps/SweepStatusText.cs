using System.Globalization;
using System.Text;
using FutureSim.Cluster.Contracts;
using FutureSim.Core.Sweeps;

namespace FutureSim.Cli.Sweeps;

/// <summary>The text of <c>futuresim sweep status</c>: a summary line, one line per run, and (on a cluster) one per worker.</summary>
internal static class SweepStatusText
{
    public static string Cluster(SweepSnapshot snapshot, SweepTally tally, IReadOnlyList<WorkerReport> workers, string cluster)
    {
        var text = new StringBuilder();
        if (!snapshot.Known)
        {
            text.Append(CultureInfo.InvariantCulture, $"Cluster {cluster} has no sweep named {snapshot.Name}.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Sweep {snapshot.Name} on cluster {cluster}{(snapshot.Cancelled ? " (cancelled)" : "")}: {tally.Describe()}\n\n");
            text.Append("| run | state | worker | days | attempts | workers | note |\n|---|---|---|---|---|---|---|\n");
            foreach (var run in snapshot.Runs)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {run.RunId} | {run.Phase.ToString().ToLowerInvariant()} | {run.Worker ?? ""} | {(run.Phase == RunPhase.Completed ? run.Days : run.DaysDone)}/{run.Days} | {run.Attempts} | {string.Join(", ", run.Workers)} | {run.Message ?? ""} |\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{workers.Count} worker(s) reporting:\n\n| worker | silo | slots | running | problem |\n|---|---|---|---|---|\n");
        foreach (var worker in workers)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {worker.Name} | {worker.Silo} | {worker.Running.Length}/{worker.Capacity} | {string.Join(", ", worker.Running)} | {worker.Problem ?? ""} |\n");
        }

        return text.ToString();
    }

    public static string Local(SweepPlan plan, SweepFolder folder)
    {
        var states = plan.Runs.Select(r => (Run: r, State: folder.StateOf(r))).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Sweep {plan.Name} in {folder.Root}: {states.Count(s => s.State == RunFolderState.Complete)}/{plan.Runs.Length} runs complete, {states.Count(s => s.State == RunFolderState.Incomplete)} incomplete (resumed by the next sweep), {states.Count(s => s.State is RunFolderState.Absent or RunFolderState.Partial)} not started\n\n");
        text.Append("| run | state | days |\n|---|---|---|\n");
        foreach (var (run, state) in states)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {run.RunId} | {state.ToString().ToLowerInvariant()} | {run.Days} |\n");
        }

        return text.ToString();
    }
}
