using System.Collections.Concurrent;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// <c>futuresim sweep &lt;file&gt;</c> on this machine: the plan's runs with at most N at once, completed runs skipped,
/// incomplete ones resumed, a failing run recorded and the others carried on; then one pooled leaderboard over the sweep.
/// </summary>
internal sealed class LocalSweep(SweepPlanning planning, SweepExecutor executor, PooledLeaderboard leaderboard, TimeProvider time, ILogger<LocalSweep> logger)
{
    /// <summary>Runs the sweep; returns the runs that failed, each with its message.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RunAsync(
        string file, int? maxConcurrentRuns, bool quiet, Func<string, Task> printLeaderboard, CancellationToken cancellationToken)
    {
        var definition = planning.Read(file);
        var (plan, corpora) = await planning.HoldCorporaAsync(planning.Plan(file, definition), cancellationToken);
        try
        {
            var folder = executor.FolderOf(plan);
            folder.WritePlan(plan);
            var concurrency = maxConcurrentRuns ?? definition.MaxConcurrentRuns ?? Environment.ProcessorCount;
            var pending = plan.Runs.Where(r => folder.StateOf(r) != RunFolderState.Complete).ToArray();
            var done = plan.Runs.Length - pending.Length;
            if (done > 0)
            {
                logger.LogInformation("Sweep {Sweep}: {Done} of {Runs} runs already completed; they are skipped", plan.Name, done, plan.Runs.Length);
            }

            var progress = new Counts(plan, [.. plan.Runs.Except(pending)]);
            var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var worker = Environment.MachineName;
            await SweepProgressDisplay.RunAsync(plan.Name, progress.Tally, quiet, logger, time, () => Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (run, ct) =>
                {
                    progress.Started(run);
                    try
                    {
                        await executor.ExecuteAsync(plan, run, worker, progress.For(run), ct);
                        progress.Finished(run, failed: false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        // A run that cannot go on is recorded; the sweep goes on with the others.
                        failures[run.RunId] = e.Message;
                        progress.Finished(run, failed: true);
                        logger.LogError("Sweep {Sweep}: run {RunId} failed: {Message}", plan.Name, run.RunId, e is InvalidInputException ? e.Message : e.ToString());
                    }
                }));

            var completed = folder.ExistingRunFolders(plan.Runs.Where(r => !failures.ContainsKey(r.RunId)));
            if (completed.Length > 0)
            {
                await printLeaderboard(await leaderboard.WriteAsync(folder, completed, cancellationToken));
                logger.LogInformation("Sweep {Sweep}: pooled leaderboard over {Runs} runs written to {Folder}", plan.Name, completed.Length, folder.Root);
            }

            return failures;
        }
        finally
        {
            foreach (var corpus in corpora)
            {
                corpus.Dispose();
            }
        }
    }

    /// <summary>Counts runs and days as the runs report them; read from the display's thread.</summary>
    private sealed class Counts(SweepPlan plan, IReadOnlyCollection<SweepRun> completed)
    {
        private readonly ConcurrentDictionary<string, int> days = new(plan.Runs.Select(r => KeyValuePair.Create(r.RunId, completed.Contains(r) ? r.Days : 0)));
        private int done = completed.Count;
        private int running;
        private int failed;

        public SweepTally Tally() => new(plan.Runs.Length, Volatile.Read(ref done), Volatile.Read(ref running), Volatile.Read(ref failed),
            plan.Runs.Sum(r => r.Days), plan.Runs.Sum(r => days[r.RunId]));

        public void Started(SweepRun run) => Interlocked.Increment(ref running);

        public void Finished(SweepRun run, bool failed)
        {
            Interlocked.Decrement(ref running);
            if (failed)
            {
                Interlocked.Increment(ref this.failed);
            }
            else
            {
                days[run.RunId] = run.Days;
                Interlocked.Increment(ref done);
            }
        }

        public IProgress<DayReport> For(SweepRun run) => new DaysOf(days, run.RunId);

        private sealed class DaysOf(ConcurrentDictionary<string, int> days, string runId) : IProgress<DayReport>
        {
            public void Report(DayReport value) => days[runId] = value.DayNumber;
        }
    }
}
