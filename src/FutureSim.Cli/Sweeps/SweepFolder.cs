using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;

namespace FutureSim.Cli.Sweeps;

/// <summary>
/// A sweep's folder under the runs directory: <c>&lt;runs&gt;/&lt;sweep&gt;/</c> holds the plan (<c>sweep.json</c>), one
/// run folder per run, and the pooled leaderboard over the sweep.
/// </summary>
internal sealed record SweepFolder(string Root)
{
    public static SweepFolder For(string runsRoot, SweepPlan plan) => new(Path.Combine(runsRoot, plan.Name));

    public string RunPath(SweepRun run) => Path.Combine(Root, run.RunId);

    public RunFolderState StateOf(SweepRun run)
    {
        var path = RunPath(run);
        if (!Directory.Exists(path))
        {
            return RunFolderState.Absent;
        }

        if (!File.Exists(Path.Combine(path, RunFolderLayout.Manifest)) || !File.Exists(Path.Combine(path, RunFolderLayout.Events)))
        {
            return RunFolderState.Partial;
        }

        var manifest = RunFolderReader.ReadManifest(Path.Combine(path, RunFolderLayout.Manifest));
        return manifest.Status == RunStatus.Completed
            && File.Exists(Path.Combine(path, RunFolderLayout.DailyMetrics))
            && File.Exists(Path.Combine(path, Core.Leaderboards.Export.LeaderboardExporters.BaseName + ".json"))
                ? RunFolderState.Complete
                : RunFolderState.Incomplete;
    }

    /// <summary>Null when the run folder (if any) was made from exactly this grid point; otherwise what differs.</summary>
    public string? Mismatch(SweepRun run)
    {
        var manifestPath = Path.Combine(RunPath(run), RunFolderLayout.Manifest);
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        var manifest = RunFolderReader.ReadManifest(manifestPath);
        var differs = new List<string>();
        if (manifest.Simulation != run.Simulation)
        {
            differs.Add("simulation settings");
        }

        if (!manifest.Agents.Select(Describe).SequenceEqual(run.Agents.Select(Describe)))
        {
            differs.Add("agents");
        }

        if (!manifest.QuestionSets.Select(s => s.File).SequenceEqual(run.QuestionSets))
        {
            differs.Add("question sets");
        }

        if (!manifest.CorpusFiles.SequenceEqual(run.CorpusFiles) || manifest.Corpus.Policy != run.Visibility
            || (run.CorpusFingerprint is { } fingerprint && manifest.Corpus.Fingerprint != fingerprint))
        {
            differs.Add("corpus");
        }

        return differs.Count == 0 ? null
            : $"The run folder {RunPath(run)} was made with other {string.Join(", ", differs)} than this sweep's run {run.RunId}: move it away, or give the sweep another name.";
    }

    /// <summary>Writes the plan, unless the same bytes are already there.</summary>
    public void WritePlan(SweepPlan plan)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, SweepPlan.FileName);
        var json = plan.ToJson();
        if (File.Exists(path) && File.ReadAllText(path) == json)
        {
            return;
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Where a machine keeps its index of a run's corpus: the configured index folder for the configured corpus, else a sibling
    /// folder named by a hash of the files and policy, so that corpora open side by side never share (and rebuild) one index.
    /// </summary>
    public static string IndexDirectory(SweepRun run, IReadOnlyList<string> configuredFiles, Core.Articles.VisibilityPolicy configuredPolicy, string configuredDirectory)
    {
        if (run.CorpusFiles.SequenceEqual(configuredFiles) && run.Visibility == configuredPolicy)
        {
            return configuredDirectory;
        }

        var key = run.Visibility + "\n" + string.Join('\n', run.CorpusFiles);
        return configuredDirectory.TrimEnd('/', '\\') + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
    }

    private static string Describe(AgentSpec agent) =>
        agent.Name + "\n" + agent.Kind + "\n" + string.Join('\n', agent.Settings.Select(kv => kv.Key + "=" + kv.Value));

    /// <summary>The run folders of <paramref name="runs"/> that exist, in plan order.</summary>
    public ImmutableArray<string> ExistingRunFolders(IEnumerable<SweepRun> runs) =>
        [.. runs.Select(RunPath).Where(p => File.Exists(Path.Combine(p, RunFolderLayout.Manifest)))];
}
