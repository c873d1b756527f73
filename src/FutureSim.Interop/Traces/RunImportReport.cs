using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>What importing one official run found and did.</summary>
public sealed record RunImportReport
{
    /// <summary>The run folder's name under the import's output folder.</summary>
    public required string RunFolder { get; init; }

    public required string Agent { get; init; }

    public required string SeedLabel { get; init; }

    public required string OfficialRunId { get; init; }

    /// <summary>Forecast events written (accepted by the MCP server and counted by the environment).</summary>
    public required int Forecasts { get; init; }

    /// <summary>Of <see cref="Forecasts"/>, those found only in the exported workspace files.</summary>
    public required int WorkspaceForecasts { get; init; }

    /// <summary>Refused by the MCP server: question not active in market.csv.</summary>
    public required int RefusedInactiveAtServer { get; init; }

    /// <summary>Refused by the MCP server: more than 5 outcomes.</summary>
    public required int RefusedTooManyOutcomes { get; init; }

    /// <summary>Refused by the MCP server for another reason.</summary>
    public required int RefusedOther { get; init; }

    /// <summary>Accepted by the MCP server, rejected by the environment (question resolved or unknown).</summary>
    public required int RefusedByEnvironment { get; init; }

    public required int Restarts { get; init; }

    /// <summary><c>next_day</c> calls answered "Expecting value" (delivered, day not advanced).</summary>
    public required int RetriedNextDays { get; init; }

    /// <summary>Accepted forecasts never delivered (after a retried <c>next_day</c>, or pending at a restart).</summary>
    public required int LostForecasts { get; init; }

    /// <summary>Questions whose official result pinned every deciding verdict.</summary>
    public required int QuestionsPinned { get; init; }

    /// <summary>Questions where the exact truth was named lower than the top outcome and no printed top-1 told the verdict on the top.</summary>
    public required int QuestionsTopUnknown { get; init; }

    public required int QuestionsAmbiguous { get; init; }

    /// <summary>Questions whose official result fits no reconstruction (the reconstructed final forecast is not the one scored).</summary>
    public required int QuestionsInconsistent { get; init; }

    /// <summary>Distinct (question, outcome) pairs not equal to the truth decided by an inferred verdict.</summary>
    public required int PairsInferred { get; init; }

    /// <summary>Distinct (question, outcome) pairs not equal to the truth decided by the majority of verdicts inferred in other runs.</summary>
    public required int PairsPooled { get; init; }

    /// <summary>Distinct (question, outcome) pairs not equal to the truth left to the normalised string matcher.</summary>
    public required int PairsStringMatched { get; init; }

    /// <summary>Malformed shards skipped (with <c>--skip-invalid</c>).</summary>
    public required ImmutableArray<string> SkippedShards { get; init; }

    /// <summary>Final-day FutureSim BSS and top-1 (percent) recomputed from the imported folder, and the published values.</summary>
    public required FinalDayComparison Final { get; init; }

    /// <summary>Run-days whose recomputed value differs from the published one beyond the daily tolerance, with the reason found.</summary>
    public required ImmutableArray<UnmatchedDay> UnmatchedDays { get; init; }
}

/// <summary>Published and recomputed final-day values of one run (null where the published manifest has none).</summary>
public sealed record FinalDayComparison(DateOnly Day, double Bss, double Accuracy, double? PublishedBss, double? PublishedAccuracy);

/// <summary>A run-day that does not reproduce, with the published and recomputed values and why.</summary>
public sealed record UnmatchedDay(DateOnly Day, double Bss, double PublishedBss, double Accuracy, double PublishedAccuracy, string Reason);
