namespace FutureSim.Core.Runs;

/// <summary>
/// The names of the files and folders of a run folder (design §7), in one place. Readers depend only on
/// these files; every path inside a run folder is built here.
/// </summary>
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

    /// <summary>The run's log (what the harness did and why).</summary>
    public const string Log = "run.log";

    /// <summary>The folder that holds one sub-folder per agent, <c>agents/&lt;name&gt;/</c>, for the agent's own artefacts.</summary>
    public const string Agents = "agents";

    /// <summary>An agent's model usage per day, in its folder (see <see cref="ModelUsageFile"/>).</summary>
    public const string ModelUsage = "usage.csv";

    /// <summary>The recording of an agent's model calls, in its folder.</summary>
    public const string ModelCalls = "model-calls.jsonl";

    /// <summary>
    /// <c>&lt;run&gt;/agents/&lt;agent&gt;</c>: the folder of one agent of the run in <paramref name="runDirectory"/>, as a full
    /// path; the name is checked to be a safe folder name whose folder stays inside the run folder (<see cref="AgentFolders"/>).
    /// </summary>
    public static string AgentDirectory(string runDirectory, string agent) => AgentFolders.For(runDirectory, agent);

    /// <summary><c>&lt;run&gt;/agents/&lt;agent&gt;/&lt;file&gt;</c>.</summary>
    public static string AgentFile(string runDirectory, string agent, string file) => Path.Combine(AgentDirectory(runDirectory, agent), file);
}
