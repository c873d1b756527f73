using System.Text.Json;
using FutureSim.Cluster.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Cluster.Tests;

/// <summary>
/// Three worker processes on one PostgreSQL database run a sweep of twelve short baseline runs while one of them is killed with
/// SIGKILL in the middle of a run; the sweep still completes, and every run folder and the pooled leaderboard are byte for
/// byte those of the same sweep run by one local <c>futuresim sweep</c>.
/// </summary>
public sealed class ClusterSweepTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string root = Directory.CreateTempSubdirectory("futuresim-cluster-").FullName;
    private readonly List<FutureSimProcess> processes = [];
    private TestDatabase? database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }

    [PostgresFact]
    public async Task ASweepSurvivesAWorkerKilledMidRunAndLeavesTheBytesOfAOneMachineSweep()
    {
        database = await TestDatabase.CreateAsync();
        var sweep = Write("sweep.json", new
        {
            Sweep = new
            {
                Name = "kill",
                Grid = new
                {
                    Agents = new object[] { "news-frequency", "uniform", "crowd", new[] { "base-rate", "news-frequency" } },
                    Windows = new[]
                    {
                        new { Start = "2025-11-24", End = "2025-11-28" },
                        new { Start = "2025-12-01", End = "2025-12-05" },
                        new { Start = "2025-12-08", End = "2025-12-12" },
                    },
                },
            },
        });
        var corpus = new { Files = new[] { SmallCorpus() } };
        var clusterConfig = Write("cluster.json", new { Corpus = corpus, Simulation = new { RunsDirectory = Path.Combine(root, "shared-runs") } });
        var environment = new Dictionary<string, string>
        {
            ["FUTURESIM_Cluster__Database"] = database.ConnectionString,
            ["FUTURESIM_Cluster__LeaseDuration"] = "00:00:06",
            ["FUTURESIM_Cluster__ProbeTimeout"] = "00:00:01",
        };

        // Three workers, each with its own copy of the corpus index.
        var workers = Enumerable.Range(1, 3).Select(i => Start(
            $"w{i}",
            new Dictionary<string, string>(environment) { ["FUTURESIM_Corpus__IndexDirectory"] = Path.Combine(root, $"index-w{i}") },
            "worker", "--cluster", "test", "--capacity", "2", "--name", $"w{i}", "--advertise", "127.0.0.1", "--config", clusterConfig)).ToArray();

        // The same sweep on one machine, for the bytes to compare with.
        var local = Start(
            "local", new Dictionary<string, string> { ["FUTURESIM_Corpus__IndexDirectory"] = Path.Combine(root, "index-local") },
            "sweep", sweep, "--max-runs", "2", "--quiet", "--config", Write("local.json", new { Corpus = corpus, Simulation = new { RunsDirectory = Path.Combine(root, "local-runs") } }));
        foreach (var worker in workers)
        {
            await worker.WaitForErrorLineAsync(l => l.Contains("ready:", StringComparison.Ordinal), Patience);
        }

        var submitter = Start(
            "submitter", new Dictionary<string, string>(environment) { ["FUTURESIM_Corpus__IndexDirectory"] = Path.Combine(root, "index-submitter") },
            "sweep", sweep, "--cluster", "test", "--quiet", "--config", clusterConfig);

        // Kill w2 right after it wrote the first day of a run: the run is left half done, its lease held by a dead worker.
        var victim = workers[1];
        var firstDay = await victim.WaitForErrorLineAsync(l => l.Contains("Worker w2 ran day", StringComparison.Ordinal) && l.Contains("(1/5)", StringComparison.Ordinal), Patience);
        victim.Kill();
        var orphan = firstDay[(firstDay.IndexOf(" of run ", StringComparison.Ordinal) + 8)..].Trim();

        await ExitsCleanlyAsync(submitter, workers);
        await ExitsCleanlyAsync(local);

        // The orphaned run was taken over by another worker, which resumed it from its event log.
        var orphanLog = File.ReadAllText(Path.Combine(root, "shared-runs", "kill", orphan, "run.log"));
        Assert.Contains("Worker w2 ran day 2025-", orphanLog, StringComparison.Ordinal);
        Assert.Matches("Worker w[13] resumes run " + orphan, orphanLog);
        Assert.Contains("12 runs", submitter.Output, StringComparison.Ordinal);

        var clusterFiles = Snapshot(Path.Combine(root, "shared-runs", "kill"));
        Assert.Equal(12, clusterFiles.Keys.Count(k => k.EndsWith("manifest.json", StringComparison.Ordinal)));
        Assert.Equal(Snapshot(Path.Combine(root, "local-runs", "kill")), clusterFiles);

        // The cluster's own record: every run completed, the orphan after two attempts, the survivors reporting.
        var status = Start("status", environment, "sweep", "status", sweep, "--cluster", "test", "--config", clusterConfig);
        await ExitsCleanlyAsync(status);
        Assert.Contains("12/12 runs done", status.Output, StringComparison.Ordinal);
        Assert.Matches($@"\| {orphan} \| completed \|  \| 5/5 \| 2 \| w2, w[13] \|", status.Output);
        Assert.Contains("| w1 |", status.Output, StringComparison.Ordinal);
        Assert.Contains("| w3 |", status.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TheSchemaIsCreatedOnceWhenWorkersStartTogether()
    {
        database = await TestDatabase.CreateAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ClusterDatabase.EnsureSchemaAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None)));
        await ClusterDatabase.EnsureSchemaAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);

        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        Assert.Equal(12L, await count.ExecuteScalarAsync());
    }

    /// <summary>The bundled news of November and December 2025 (about 900 items): every process indexes it in a moment.</summary>
    private string SmallCorpus()
    {
        var path = Path.Combine(root, "news.jsonl");
        using var input = new System.IO.Compression.GZipStream(
            File.OpenRead(Path.Combine(FutureSimProcess.ProjectRoot, "corpora", "news-wikipedia-current-events-2025-2026.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input);
        File.WriteAllLines(path, ReadLines(reader).Where(l => l.Contains("\"date\": \"2025-11-", StringComparison.Ordinal) || l.Contains("\"date\": \"2025-12-", StringComparison.Ordinal)));
        return path;

        static IEnumerable<string> ReadLines(StreamReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>Asserts that <paramref name="process"/> exits with 0; otherwise shows its log and those of <paramref name="others"/>.</summary>
    private static async Task ExitsCleanlyAsync(FutureSimProcess process, params FutureSimProcess[] others)
    {
        var code = await process.WaitForExitAsync(Patience);
        Assert.True(code == 0, $"{process.Name} exited with {code}.\n" + string.Join(
            "\n", others.Prepend(process).Select(p => $"--- {p.Name}:\n{string.Join('\n', p.Errors.TakeLast(40))}")));
    }

    private FutureSimProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var process = FutureSimProcess.Start(name, environment, args);
        processes.Add(process);
        return process;
    }

    private string Write(string name, object content)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }

    /// <summary>Every file of a sweep folder but the run logs (wall-clock times, worker names), by relative path.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "run.log")
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
