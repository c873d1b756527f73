using System.Collections.Immutable;

namespace FutureSim.Core.Runs;

/// <summary>
/// Where an imported run came from: the format read, the source as given, the source repository's commit
/// when known, a SHA-256 over every source file read (its path and content), and format-specific details
/// (agent, model, harness, seed label, the original run id …).
/// </summary>
public sealed record RunProvenance
{
    /// <summary>The format imported, e.g. <c>futuresim-traces</c> or <c>futuresim-run</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The source folder as it was given to the importer.</summary>
    public required string Source { get; init; }

    /// <summary>The git commit of the source repository, when the source is a checkout; else null.</summary>
    public string? Commit { get; init; }

    /// <summary>SHA-256 (hex) over the source files read, each as its relative path and the SHA-256 of its bytes, in ordinal path order.</summary>
    public required string Sha256 { get; init; }

    /// <summary>How many source files <see cref="Sha256"/> covers.</summary>
    public required int Files { get; init; }

    public ImmutableSortedDictionary<string, string> Details { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
