using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>The result of importing a published trace folder.</summary>
public sealed record TraceImportReport
{
    public required string Source { get; init; }

    public required VerdictSource Verdicts { get; init; }

    /// <summary>Questions recovered from the traces (id, title, resolution date and truth).</summary>
    public required int Questions { get; init; }

    /// <summary>What could not be recovered about the question set.</summary>
    public required ImmutableArray<string> QuestionProblems { get; init; }

    public required ImmutableArray<RunImportReport> Runs { get; init; }

    /// <summary>Shards skipped as malformed over all runs.</summary>
    public int SkippedShards => Runs.Sum(r => r.SkippedShards.Length);
}
