using FutureSim.Cluster.Contracts;

namespace FutureSim.Cluster.Grains;

/// <summary>The cluster's directory (one, key 0): the sweeps that have work for workers, and the workers' latest reports.</summary>
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    Task SetActiveAsync(string sweep, bool active);

    Task<string[]> ActiveSweepsAsync();

    Task ReportAsync(WorkerReport report);

    /// <summary>The latest report of each worker heard from recently.</summary>
    Task<WorkerReport[]> WorkersAsync();
}
