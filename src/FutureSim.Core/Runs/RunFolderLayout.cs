namespace FutureSim.Core.Runs;

/// <summary>The file names of a run folder (design §7). Readers depend only on these files.</summary>
public static class RunFolderLayout
{
    /// <summary>The run's <see cref="RunManifest"/>, indented JSON.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>One <see cref="Questions.Question"/> per line, truth included.</summary>
    public const string Questions = "questions.jsonl";

    /// <summary>The append-only <see cref="RunEvent"/> log, one event per line.</summary>
    public const string Events = "events.jsonl";

    /// <summary>One row per simulated day and agent, derived from the events (see <c>DailyMetricsCsv</c>).</summary>
    public const string DailyMetrics = "daily_metrics.csv";
}
