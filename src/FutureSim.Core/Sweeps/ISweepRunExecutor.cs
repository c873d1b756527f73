using FutureSim.Core.Simulation;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// Executes one run of a sweep into its folder under the sweep folder: starts it, resumes it from its event log
/// when it was left incomplete, or only rewrites its derived files when it had completed. Executing the same run
/// on any machine, interrupted or not, leaves the same bytes.
/// </summary>
public interface ISweepRunExecutor
{
    /// <param name="plan">The sweep the run belongs to.</param>
    /// <param name="run">The run, with the corpus fingerprint every machine must verify (see <see cref="CorpusMismatchException"/>).</param>
    /// <param name="worker">Who executes it, for the logs (the machine or cluster worker name).</param>
    /// <param name="progress">Told after each simulated day is written.</param>
    /// <param name="cancellationToken">Stops the run after its current day; its event log then ends with complete days.</param>
    Task ExecuteAsync(SweepPlan plan, SweepRun run, string worker, IProgress<DayReport>? progress, CancellationToken cancellationToken);
}
