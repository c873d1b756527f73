using FutureSim.Cli.Configuration;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// Executes a sweep's run on this machine through <see cref="RunService"/>: a new run from its grid point, a resume from
/// its event log when it was left incomplete, or a rescore when it had completed (which rewrites the same bytes).
/// The run's corpus comes from this machine's own index, verified against the fingerprint the sweep names; the run's
/// log lines, including which worker ran each day, go to its <c>run.log</c>.
/// </summary>
internal sealed class SweepExecutor(
    ProjectSettings project,
    IOptions<SimulationOptions> simulationOptions,
    IOptions<CorpusOptions> corpusOptions,
    CorpusOpener corpora,
    RunService runs,
    RunReports reports,
    DeferredFileSink runLog,
    ILogger<SweepExecutor> logger) : ISweepRunExecutor, IDisposable
{
    private readonly Dictionary<string, ITimeGatedCorpus> kept = new(StringComparer.Ordinal);

    public SweepFolder FolderOf(SweepPlan plan) => SweepFolder.For(project.Resolve(simulationOptions.Value.RunsDirectory), plan);

    /// <summary>
    /// Opens (building or verifying this machine's index) and holds the run's corpus; a fingerprint other than the run's is a
    /// <see cref="CorpusMismatchException"/>. A verified corpus stays open until the executor is disposed, so that the next runs of
    /// the same corpus (a worker runs many) do not open the index again.
    /// </summary>
    public async Task<ITimeGatedCorpus> HoldCorpusAsync(SweepRun run, CancellationToken cancellationToken)
    {
        var options = corpusOptions.Value;
        var corpus = await corpora.HoldAsync(
            run.CorpusFiles, run.Visibility, SweepFolder.IndexDirectory(run, options.Files, options.Visibility, options.IndexDirectory), cancellationToken);
        if (run.CorpusFingerprint is { } expected && corpus.Identity.Fingerprint != expected)
        {
            var actual = corpus.Identity.Fingerprint;
            corpus.Dispose();
            throw new CorpusMismatchException(
                expected, actual,
                $"The corpus of run {run.RunId} ({string.Join(", ", run.CorpusFiles)}, {run.Visibility}) has fingerprint {actual} here, but the sweep names {expected}: give this machine the same corpus files.");
        }

        lock (kept)
        {
            if (!kept.ContainsKey(corpus.Identity.Fingerprint))
            {
                kept[corpus.Identity.Fingerprint] = corpus;
                return corpus is SharedCorpus.CorpusLease lease ? lease.Again() : corpus;
            }
        }

        return corpus;
    }

    public void Dispose()
    {
        lock (kept)
        {
            foreach (var corpus in kept.Values)
            {
                corpus.Dispose();
            }

            kept.Clear();
        }
    }

    public async Task ExecuteAsync(SweepPlan plan, SweepRun run, string worker, IProgress<DayReport>? progress, CancellationToken cancellationToken)
    {
        var folder = FolderOf(plan);
        using var scope = runLog.Scope();
        using var corpus = await HoldCorpusAsync(run, cancellationToken);
        if (folder.Mismatch(run) is { } mismatch)
        {
            throw new OptionsException(mismatch);
        }

        var days = new DayLog(logger, worker, run.RunId, progress);
        var state = folder.StateOf(run);
        if (state == RunFolderState.Partial)
        {
            // Creation was cut off before the event log existed: nothing in it is worth keeping.
            Directory.Delete(folder.RunPath(run), recursive: true);
            state = RunFolderState.Absent;
        }

        if (state == RunFolderState.Complete)
        {
            runLog.Open(Path.Combine(folder.RunPath(run), RunFolderLayout.Log));
            logger.LogInformation("Worker {Worker} found run {RunId} completed; rewriting its scores", worker, run.RunId);
            await reports.RescoreAsync(folder.RunPath(run), null, cancellationToken);
            return;
        }

        var request = new RunRequest
        {
            RunsRoot = folder.Root,
            Quiet = true,
            PrintLeaderboard = false,
            Progress = days,
        };
        if (state == RunFolderState.Incomplete)
        {
            runLog.Open(Path.Combine(folder.RunPath(run), RunFolderLayout.Log));
            request = request with { Resume = run.RunId };
        }
        else
        {
            request = request with
            {
                RunId = run.RunId,
                AgentSpecs = run.Agents,
                QuestionSets = run.QuestionSets,
                Corpus = run.CorpusFiles,
                Simulation = run.Simulation,
                Visibility = run.Visibility,
            };
        }

        logger.LogInformation("Worker {Worker} {Action} run {RunId} of sweep {Sweep}", worker, state == RunFolderState.Incomplete ? "resumes" : "starts", run.RunId, plan.Name);
        await runs.RunAsync(request, cancellationToken);
    }

    /// <summary>Logs which worker ran each day of the run (into the run's log too) and passes the day on.</summary>
    private sealed class DayLog(ILogger logger, string worker, string runId, IProgress<DayReport>? next) : IProgress<DayReport>
    {
        public void Report(DayReport value)
        {
            logger.LogInformation("Worker {Worker} ran day {Day:yyyy-MM-dd} ({Number}/{Total}) of run {RunId}", worker, value.Day, value.DayNumber, value.TotalDays, runId);
            next?.Report(value);
        }
    }
}
