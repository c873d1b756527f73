using FutureSim.Cluster.Contracts;

namespace FutureSim.Cluster.Grains;

/// <summary>
/// Keeps the active sweeps in PostgreSQL and the workers' reports in memory: a worker reports every few seconds, so a directory
/// activated anew (after its worker died) knows every live worker again within seconds.
/// </summary>
internal sealed class DirectoryGrain(
    [PersistentState("directory", ClusterStorage.Name)] IPersistentState<DirectoryState> state,
    TimeProvider time) : Grain, IDirectoryGrain
{
    /// <summary>A worker not heard from for this long is left out of the list.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, WorkerReport> workers = new(StringComparer.Ordinal);

    public async Task SetActiveAsync(string sweep, bool active)
    {
        var changed = active ? !state.State.ActiveSweeps.Contains(sweep) : state.State.ActiveSweeps.Remove(sweep);
        if (active && changed)
        {
            state.State.ActiveSweeps.Add(sweep);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<string[]> ActiveSweepsAsync() => Task.FromResult(state.State.ActiveSweeps.ToArray());

    public Task ReportAsync(WorkerReport report)
    {
        workers[report.Name] = report with { ReportedAt = time.GetUtcNow() };
        return Task.CompletedTask;
    }

    public Task<WorkerReport[]> WorkersAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(workers.Values.Where(w => now - w.ReportedAt < Forgotten).OrderBy(w => w.Name, StringComparer.Ordinal).ToArray());
    }
}
