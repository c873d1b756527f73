using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Interop.Verdicts;

namespace FutureSim.Interop.Traces;

/// <summary>One official run in our run-folder format, ready to write, with the counts of its import report.</summary>
internal sealed record ImportedRun
{
    public required string FolderName { get; init; }

    public required RunManifest Manifest { get; init; }

    public required ImmutableArray<Question> Questions { get; init; }

    public required ImmutableArray<RunEvent> Events { get; init; }

    /// <summary>The verdicts to write, one per (question, outcome): inferred in this run, or pooled from others (empty with the string matcher).</summary>
    public required ImmutableArray<RecordedVerdict> Verdicts { get; init; }

    public required ImmutableDictionary<Verdicts.InferenceOutcome, int> Inference { get; init; }

    /// <summary>Questions whose official result fits several first matches, decided once all runs' verdicts are pooled.</summary>
    public required ImmutableArray<Ambiguity> Ambiguities { get; init; }

    public required int WorkspaceForecasts { get; init; }

    public required int RefusedByEnvironment { get; init; }

}
