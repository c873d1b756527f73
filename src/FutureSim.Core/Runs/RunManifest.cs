using System.Collections.Immutable;
using System.Text.Json.Serialization;
using FutureSim.Core.Articles;

namespace FutureSim.Core.Runs;

/// <summary>
/// <c>manifest.json</c>: what a run is (its resolved configuration) and how far it got. It holds no
/// wall-clock time, so that the same inputs give the same bytes.
/// </summary>
public sealed record RunManifest
{
    public int FormatVersion { get; init; } = RunFormat.Version;

    public required string RunId { get; init; }

    public required RunStatus Status { get; init; }

    public required SimulationSettings Simulation { get; init; }

    public required CorpusIdentity Corpus { get; init; }

    /// <summary>The corpus files the run replays, as configured (relative to the project root when they were).</summary>
    public ImmutableArray<string> CorpusFiles { get; init; } = [];

    public required ImmutableArray<QuestionSetInfo> QuestionSets { get; init; }

    public required ImmutableArray<AgentSpec> Agents { get; init; }

    /// <summary>The run whose recorded model calls this run replays, or null.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>Where an imported run came from (null for runs this harness ran); omitted from the file when null.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RunProvenance? ImportedFrom { get; init; }
    /// <summary>Why the run stopped when <see cref="Status"/> is <see cref="RunStatus.Failed"/> (a harness invariant breach); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Failure { get; init; }
}

public enum RunStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>A question set used by a run: its name, file, content hash and how many questions it contributed.</summary>
public sealed record QuestionSetInfo(string Name, string File, string Sha256, int Questions);

/// <summary>An agent of a run: its unique name, its kind and the settings it was built from.</summary>
public sealed record AgentSpec
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public ImmutableSortedDictionary<string, string> Settings { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
