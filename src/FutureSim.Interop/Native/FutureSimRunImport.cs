using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Interop.Scoring;

namespace FutureSim.Interop.Native;

/// <summary>What importing a native FutureSim run did: the folder written, counts, and the run's own daily metrics for comparison.</summary>
public sealed record FutureSimRunImport
{
    public required string RunFolder { get; init; }

    public required int Questions { get; init; }

    public required int Forecasts { get; init; }

    /// <summary>Predictions on questions that had resolved or are unknown (written as refusals).</summary>
    public required int Refused { get; init; }

    /// <summary>Matcher-cache verdicts carried into the run's <c>judge-verdicts.jsonl</c>.</summary>
    public required int Verdicts { get; init; }

    /// <summary>Malformed lines skipped.</summary>
    public required ImmutableArray<RecordError> Skipped { get; init; }

    /// <summary>The run's own <c>daily_metrics.csv</c> (avg_brier and accuracy per agent), or null when it has none.</summary>
    public OfficialMetrics? Reported { get; init; }
}
