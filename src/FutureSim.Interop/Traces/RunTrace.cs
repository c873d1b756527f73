using System.Collections.Immutable;
using FutureSim.Interop.Questions;

namespace FutureSim.Interop.Traces;

/// <summary>One official run read from the published traces: the replay, the printed facts and results, and what was read.</summary>
internal sealed record RunTrace
{
    public required PublishedRun Run { get; init; }

    public required HarnessKind Harness { get; init; }

    public required ReplayedTrace Replay { get; init; }

    public required QuestionFacts Facts { get; init; }

    public required RunRecaps Recaps { get; init; }

    /// <summary>The delivered forecasts of the trace, then those found only in the exported workspace, in day order.</summary>
    public required ImmutableArray<DeliveredForecast> Delivered { get; init; }

    /// <summary>Whether the run exports the MCP-written <c>predictions/&lt;day&gt;.json</c> files.</summary>
    public required bool HasWorkspacePredictions { get; init; }

    /// <summary>Shards skipped as malformed (with <c>--skip-invalid</c>), with the reason.</summary>
    public required ImmutableArray<string> SkippedShards { get; init; }

    /// <summary>SHA-256 over the files read for this run (see <see cref="FutureSim.Core.Runs.RunProvenance.Sha256"/>).</summary>
    public required string Sha256 { get; init; }

    public required int Files { get; init; }

    public TracedRun ForRecovery() => new(Delivered, Recaps, Facts);
}
