using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>The published <c>manifest.json</c> of FutureSim's trace viewer: the official runs.</summary>
internal sealed record PublishedManifest
{
    public int Version { get; init; }

    public ImmutableArray<PublishedRun> Runs { get; init; } = [];
}

/// <summary>One official run as the published manifest lists it.</summary>
internal sealed record PublishedRun
{
    public required string AgentName { get; init; }

    public required string AgentSlug { get; init; }

    public string Model { get; init; } = "";

    public string Harness { get; init; } = "";

    public string HarnessName { get; init; } = "";

    public string HarnessSlug { get; init; } = "";

    public required string SeedLabel { get; init; }

    public required string RunId { get; init; }

    public ImmutableArray<PublishedMetric> Metrics { get; init; } = [];

    public ImmutableArray<PublishedDay> Days { get; init; } = [];

    public PublishedWorkspace? Workspace { get; init; }
}

/// <summary>An official daily value: FutureSim's Brier skill score and top-1 accuracy (percent).</summary>
internal sealed record PublishedMetric(string Date, double BrierSkillScore, double Top1Accuracy);

/// <summary>A daily session shard of a run.</summary>
internal sealed record PublishedDay(string Date, string Path);

/// <summary>A run's exported workspace.</summary>
internal sealed record PublishedWorkspace(string? ManifestPath);
