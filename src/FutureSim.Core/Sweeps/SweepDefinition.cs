namespace FutureSim.Core.Sweeps;

/// <summary>
/// The <c>Sweep</c> section of a sweep file: the sweep's name, how many runs one machine executes at
/// once, and the grid whose every point becomes one run (see <see cref="SweepPlanner"/>).
/// </summary>
public sealed record SweepDefinition
{
    /// <summary>Names the sweep's folder under the runs directory and starts every run id.</summary>
    public required string Name { get; init; }

    /// <summary>Runs executed at once by a local sweep; null means the number of processors. Not part of what a run is.</summary>
    public int? MaxConcurrentRuns { get; init; }

    public required SweepGrid Grid { get; init; }
}
