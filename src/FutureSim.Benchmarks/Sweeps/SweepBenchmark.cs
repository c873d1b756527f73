using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FutureSim.Benchmarks.Sweeps;

/// <summary>
/// The cluster's overhead: the same sweep of baseline runs run by one local <c>futuresim sweep</c> with N runs at once, and
/// submitted to N local worker processes of one run each (started beforehand, each with its own copy of the index), repeated
/// with the order alternating. Every process is a real <c>futuresim</c> on a real PostgreSQL; the run folders of both ways are
/// compared byte for byte (run logs aside).
/// </summary>
public static class SweepBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly DateOnly FirstDay = new(2025, 1, 1);

    public static async Task<SweepBenchmarkReport> RunAsync(SweepBenchmarkOptions options, TimeProvider time, Action<string> log, CancellationToken cancellationToken)
    {
        var work = options.WorkDirectory ?? Directory.CreateTempSubdirectory("futuresim-bench-sweep-").FullName;
        var cluster = "bench-" + time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var workers = new List<ChildProcess>();
        try
        {
            Dictionary<string, string> Environment(string index, string runs) => new()
            {
                ["FUTURESIM_Corpus__IndexDirectory"] = Path.Combine(work, index),
                ["FUTURESIM_Simulation__RunsDirectory"] = Path.Combine(work, runs),
                ["FUTURESIM_Cluster__Database"] = options.Database,
            };

            log("Building the index once and copying it to each process.");
            using (var index = ChildProcess.Start("index", options.Command, Environment("index-local", "local"), "index"))
            {
                await index.EndAsync(cancellationToken);
            }

            foreach (var copy in Enumerable.Range(1, options.Workers).Select(i => $"index-w{i}").Append("index-submit"))
            {
                Copy(Path.Combine(work, "index-local"), Path.Combine(work, copy));
            }

            log($"Starting {options.Workers} workers of cluster {cluster}.");
            workers.AddRange(Enumerable.Range(1, options.Workers).Select(i => ChildProcess.Start(
                $"worker w{i}", options.Command, Environment($"index-w{i}", "shared"),
                "worker", "--cluster", cluster, "--capacity", "1", "--name", $"w{i}", "--advertise", "127.0.0.1")));
            foreach (var worker in workers)
            {
                await worker.WaitForLineAsync("ready:", Patience, time, cancellationToken);
            }

            var local = new List<double>();
            var onCluster = new List<double>();
            var differing = new List<string>();
            for (var repeat = 1; repeat <= options.Repeats; repeat++)
            {
                var name = $"bench{repeat}";
                var file = Path.Combine(work, name + ".json");
                await File.WriteAllTextAsync(file, SweepFile(name, options), cancellationToken);
                var ways = new (string Way, List<double> Seconds, string Index, string Runs, string[] Args)[]
                {
                    ("local sweep", local, "index-local", "local", ["sweep", file, "--max-runs", options.Workers.ToString(CultureInfo.InvariantCulture), "--quiet"]),
                    ("cluster sweep", onCluster, "index-submit", "shared", ["sweep", file, "--cluster", cluster, "--quiet"]),
                };
                foreach (var (way, seconds, index, runs, args) in repeat % 2 == 1 ? ways.Reverse() : ways)
                {
                    var started = time.GetTimestamp();
                    using (var sweep = ChildProcess.Start($"{way} {name}", options.Command, Environment(index, runs), args))
                    {
                        await sweep.EndAsync(cancellationToken);
                    }

                    seconds.Add(time.GetElapsedTime(started).TotalSeconds);
                    log(string.Create(CultureInfo.InvariantCulture, $"{name}: {way} {seconds[^1]:0.00} s"));
                }

                differing.AddRange(Differences(Path.Combine(work, "local", name), Path.Combine(work, "shared", name)).Select(f => Path.Combine(name, f)));
            }

            return new SweepBenchmarkReport(options.Runs, options.DaysPerRun, options.Workers, [.. local], [.. onCluster], [.. differing]);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }

            if (options.WorkDirectory is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The sweep: every baseline agent alone, on each question choice, over consecutive windows of <see cref="SweepBenchmarkOptions.DaysPerRun"/> days.</summary>
    private static string SweepFile(string name, SweepBenchmarkOptions options)
    {
        var windows = Enumerable.Range(0, options.Windows).Select(w => FirstDay.AddDays(w * options.DaysPerRun)).Select(start => new
        {
            Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            End = start.AddDays(options.DaysPerRun - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return JsonSerializer.Serialize(new { Sweep = new { Name = name, Grid = new { SweepBenchmarkOptions.Agents, QuestionSets = options.QuestionChoices.Select((files, i) => new { Label = files.Count > 1 ? "all" : $"set{i + 1}", Files = files }), Windows = windows } } });
    }

    /// <summary>The files (relative paths) that are not the same in both folders, run logs aside.</summary>
    private static IEnumerable<string> Differences(string left, string right)
    {
        var a = Hashes(left);
        var b = Hashes(right);
        return a.Keys.Union(b.Keys, StringComparer.Ordinal).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).Order(StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Hashes(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != "run.log")
        .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
