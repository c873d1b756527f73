namespace FutureSim.Interop.Native;

/// <summary>What <see cref="FutureSimRunImporter"/> reads and writes.</summary>
public sealed record FutureSimRunImportOptions
{
    /// <summary>The Python harness's run folder (<c>config.json</c>, <c>actions.jsonl</c>, <c>daily_metrics.csv</c>, <c>matcher.jsonl</c>).</summary>
    public required string RunDirectory { get; init; }

    /// <summary>
    /// The question file (CSV, JSON Lines, JSON or Parquet with FutureSim's column aliases); null means the run folder's
    /// <c>questions.jsonl</c> when present, else questions built from the resolution records (id, date and truth only).
    /// </summary>
    public string? QuestionsFile { get; init; }

    /// <summary>The run folder to write.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Skip malformed <c>actions.jsonl</c> lines (counted) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; init; }
}
