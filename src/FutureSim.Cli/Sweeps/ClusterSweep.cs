using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using FutureSim.Cli.Configuration;
using FutureSim.Cluster;
using FutureSim.Cluster.Clients;
using FutureSim.Cluster.Contracts;
using FutureSim.Core.Articles;
using FutureSim.Core.Sweeps;
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
        var (plan, connection) = await PrepareAsync(file, settings, cancellationToken);
        await using var cluster = connection;
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
                snapshot = await cluster.TryStatusAsync(plan.Name) ?? snapshot;
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

    /// <summary>
    /// The checked plan with this machine's corpus fingerprints, and the connection to the cluster. Connecting (the database's
    /// schema, then an Orleans client) is the slowest step, so it starts first and goes on while the sweep is planned and the
    /// corpora fingerprinted; a bad sweep file or corpus is reported as such, and one step failing stops the other.
    /// </summary>
    private async Task<(SweepPlan Plan, ClusterConnection Connection)> PrepareAsync(string file, ClusterSettings settings, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connecting = ClusterConnection.ConnectAsync(settings, loggerFactory, abandon.Token);
        Task<(SweepPlan Plan, ImmutableArray<ITimeGatedCorpus> Corpora)>? fingerprinting = null;
        try
        {
            var planned = planning.Plan(file, planning.Read(file));
            fingerprinting = Task.Run(() => planning.HoldCorporaAsync(planned, abandon.Token), abandon.Token);
            if (await Task.WhenAny(connecting, fingerprinting) is { IsFaulted: true })
            {
                await abandon.CancelAsync();
            }

            await Task.WhenAll(connecting, fingerprinting);
            return (fingerprinting.Result.Plan, connecting.Result);
        }
        catch (Exception e)
        {
            await abandon.CancelAsync();
            await Task.WhenAll(new Task?[] { connecting, fingerprinting }.OfType<Task>().Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            if (connecting.IsCompletedSuccessfully)
            {
                await connecting.Result.DisposeAsync();
            }

            // A step stopped because the other failed reports the other's failure.
            if (e is OperationCanceledException && (Failure(fingerprinting) ?? Failure(connecting)) is { } cause)
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
        finally
        {
            foreach (var corpus in fingerprinting is { IsCompletedSuccessfully: true } ? fingerprinting.Result.Corpora : [])
            {
                corpus.Dispose();
            }
        }
    }

    private static Exception? Failure(Task? task) =>
        task?.Exception?.GetBaseException() is { } failure and not OperationCanceledException ? failure : null;

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
