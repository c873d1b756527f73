namespace FutureSim.Interop.Traces;

/// <summary>What <see cref="TraceImporter"/> reads and writes.</summary>
public sealed record TraceImportOptions
{
    /// <summary>The published data folder (<c>futuresim/traces/data</c>, holding <c>manifest.json</c>).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Where the run folders are written, one per official run.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Skip malformed shards (each counted and named in the report) instead of stopping at the first.</summary>
    public bool SkipInvalid { get; init; }

    public VerdictSource Verdicts { get; init; } = VerdictSource.Inferred;

    /// <summary>How many runs are read at once.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The tolerance of a daily row against the published value (BSS).</summary>
    public double DailyBssTolerance { get; init; } = 0.005;

    /// <summary>The tolerance of a daily row against the published value (top-1 accuracy, percentage points).</summary>
    public double DailyAccuracyTolerance { get; init; } = 0.5;
}
