using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// A sweep expanded into its runs, in grid order. Written as <c>sweep.json</c> in the sweep's folder and
/// submitted as is to a cluster, so that every machine executes exactly the same runs.
/// </summary>
public sealed record SweepPlan
{
    public int FormatVersion { get; init; } = RunFormat.Version;

    public required string Name { get; init; }

    public required ImmutableArray<SweepRun> Runs { get; init; }

    /// <summary>The plan file's name in the sweep folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>Deterministic indented JSON: the same plan always gives the same bytes.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunFormat.IndentedJson) + "\n";

    public static SweepPlan FromJson(string json) =>
        JsonSerializer.Deserialize<SweepPlan>(json, RunFormat.Json) ?? throw new JsonException("A sweep plan must be a JSON object.");

    public SweepRun Run(string runId) => Runs.FirstOrDefault(r => r.RunId == runId)
        ?? throw new ArgumentException($"Sweep {Name} has no run {runId}.", nameof(runId));
}
