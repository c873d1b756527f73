using FutureSim.Cli.Configuration;
using FutureSim.Cluster;
using FutureSim.Cluster.Clients;
using FutureSim.Cluster.Contracts;
using FutureSim.Cluster.Database;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// <c>futuresim sweep &lt;file&gt; --cluster &lt;name&gt;</c>: plans and checks the sweep here (the same checks as a local sweep, and
/// this machine's corpus fingerprints), submits the plan to the cluster, follows it, and writes the pooled leaderboard into
/// the sweep folder under the shared run root once every run is done.
/// </summary>
internal sealed class ClusterSweep(
    SweepPlanning planning,
    SweepExecutor executor,
    PooledLeaderboard leaderboard,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    ILogger<ClusterSweep> logger)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Submits and follows; returns the failed runs with their messages, or null when the sweep was cancelled.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> RunAsync(
        string file, ClusterSettings settings, bool quiet, Func<string, Task> printLeaderboard, CancellationToken cancellationToken)
    {
        var planned = planning.Plan(file, planning.Read(file));
        await ClusterDatabase.EnsureSchemaAsync(settings.Database, logger, cancellationToken);

        // The corpus fingerprints (this machine's index) and the connection to the cluster are made side by side.
        var fingerprinting = Task.Run(() => planning.HoldCorporaAsync(planned, cancellationToken), cancellationToken);
        var connecting = ClusterConnection.ConnectAsync(settings, loggerFactory, cancellationToken);
        try
        {
            await Task.WhenAll(fingerprinting, connecting);
        }
        catch
        {
            if (connecting.IsCompletedSuccessfully)
            {
                await connecting.Result.DisposeAsync();
            }

            throw;
        }
        finally
        {
            foreach (var corpus in fingerprinting.IsCompletedSuccessfully ? fingerprinting.Result.Corpora : [])
            {
                corpus.Dispose();
            }
        }

        var plan = fingerprinting.Result.Plan;
        await using var cluster = connecting.Result;
        var outcome = await cluster.SubmitAsync(plan);
        if (!outcome.Accepted)
        {
            throw new OptionsException(outcome.Message);
        }

        var folder = executor.FolderOf(plan);
        folder.WritePlan(plan);

        logger.LogInformation("Sweep {Sweep} submitted to cluster {Cluster}: {Runs} runs; following it (Ctrl-C stops following, not the sweep)", plan.Name, settings.Name, plan.Runs.Length);
        var snapshot = await cluster.StatusAsync(plan.Name);
        await SweepProgressDisplay.RunAsync(plan.Name, () => Tally(snapshot), quiet, logger, time, async () =>
        {
            while (!snapshot.Finished && !snapshot.Cancelled)
            {
                await Task.Delay(PollEvery, time, cancellationToken);
                snapshot = await cluster.StatusAsync(plan.Name);
            }
        });

        if (snapshot.Cancelled)
        {
            return null;
        }

        var completed = folder.ExistingRunFolders(plan.Runs.Where(r => snapshot.Runs.Any(s => s.RunId == r.RunId && s.Phase == RunPhase.Completed)));
        if (completed.Length > 0)
        {
            await printLeaderboard(await leaderboard.WriteAsync(folder, completed, cancellationToken));
        }

        return snapshot.Runs.Where(r => r.Phase == RunPhase.Failed).ToDictionary(r => r.RunId, r => r.Message ?? "failed");
    }

    /// <summary>The sweep's state on the cluster and the cluster's workers, as text.</summary>
    public async Task<string> StatusAsync(string file, ClusterSettings settings, CancellationToken cancellationToken)
    {
        var name = planning.Read(file).Name;
        await using var cluster = await ClusterConnection.ConnectAsync(settings, loggerFactory, cancellationToken);
        var snapshot = await cluster.StatusAsync(name);
        var workers = await cluster.WorkersAsync();
        return SweepStatusText.Cluster(snapshot, Tally(snapshot), workers, settings.Name);
    }

    public async Task<bool> CancelAsync(string file, ClusterSettings settings, CancellationToken cancellationToken)
    {
        var name = planning.Read(file).Name;
        await using var cluster = await ClusterConnection.ConnectAsync(settings, loggerFactory, cancellationToken);
        if (!(await cluster.StatusAsync(name)).Known)
        {
            return false;
        }

        await cluster.CancelAsync(name);
        return true;
    }

    public static SweepTally Tally(SweepSnapshot snapshot) => new(
        snapshot.Runs.Length,
        snapshot.Runs.Count(r => r.Phase == RunPhase.Completed),
        snapshot.Runs.Count(r => r.Phase == RunPhase.Running),
        snapshot.Runs.Count(r => r.Phase == RunPhase.Failed),
        snapshot.Runs.Sum(r => r.Days),
        snapshot.Runs.Sum(r => r.Phase == RunPhase.Completed ? r.Days : r.DaysDone));
}
