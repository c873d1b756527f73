using System.Text;
using FutureSim.Core.Runs;
using FutureSim.Core.Sweeps;

namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class SweepCommandTests(CliRun cli)
{
    private const string Grid = """
        "Grid": {
          "Agents": [ "uniform", [ "crowd", "base-rate" ] ],
          "Seeds": [ 1, 2 ],
          "Windows": [ { "Start": "2025-12-01", "End": "2025-12-03" }, { "Label": "mid", "Start": "2025-12-08", "End": "2025-12-10" } ]
        }
        """;

    [Fact]
    public async Task ASweepRunsEveryGridPointOnceAndEndsWithOnePooledLeaderboard()
    {
        var file = SweepFile("grid", Grid);

        var (code, output) = await cli.RunAsync("sweep", file, "--max-runs", "2", "--quiet");

        Assert.Equal(0, code);
        var folder = Path.Combine(cli.RunsDirectory, "grid");
        var plan = SweepPlan.FromJson(File.ReadAllText(Path.Combine(folder, SweepPlan.FileName)));
        Assert.Equal(
            ["grid.uniform.20251201-20251203", "grid.uniform.mid", "grid.crowd_base-rate.20251201-20251203", "grid.crowd_base-rate.mid"],
            plan.Runs.Select(r => r.RunId));
        Assert.All(plan.Runs, run => Assert.Equal(RunStatus.Completed, RunFolder.Open(Path.Combine(folder, run.RunId)).ReadManifest().Status));
        Assert.Equal(new DateOnly(2025, 12, 8), RunFolder.Open(Path.Combine(folder, "grid.crowd_base-rate.mid")).ReadManifest().Simulation.Start);
        Assert.True(File.Exists(Path.Combine(folder, "leaderboard.md")));
        Assert.Contains("4 runs", output);
        Assert.Contains("crowd", output);
    }

    [Fact]
    public async Task ASweepRunAgainSkipsCompletedRunsAndResumesAKilledOneToTheSameBytes()
    {
        var file = SweepFile("again", Grid);
        Assert.Equal(0, (await cli.RunAsync("sweep", file, "--quiet")).ExitCode);
        var folder = Path.Combine(cli.RunsDirectory, "again");
        var uninterrupted = Snapshot(folder);

        // A kill in the middle of the second day of one run: complete days, half a line, no scores yet.
        var killed = Path.Combine(folder, "again.crowd_base-rate.mid");
        var events = File.ReadAllText(Path.Combine(killed, RunFolderLayout.Events));
        File.WriteAllText(Path.Combine(killed, RunFolderLayout.Events), events[..(events.IndexOf("\"day\":\"2025-12-09\"", StringComparison.Ordinal) + 30)]);
        File.WriteAllText(Path.Combine(killed, RunFolderLayout.Manifest), File.ReadAllText(Path.Combine(killed, RunFolderLayout.Manifest)).Replace("\"completed\"", "\"running\"", StringComparison.Ordinal));
        foreach (var derived in Directory.GetFiles(killed, "leaderboard.*").Append(Path.Combine(killed, RunFolderLayout.DailyMetrics)))
        {
            File.Delete(derived);
        }

        // Runs not started yet are started.
        Directory.Delete(Path.Combine(folder, "again.uniform.mid"), recursive: true);
        var logs = Directory.GetDirectories(folder).ToDictionary(d => d, d => File.Exists(Path.Combine(d, RunFolderLayout.Log)) ? File.ReadAllText(Path.Combine(d, RunFolderLayout.Log)) : "");

        Assert.Equal(0, (await cli.RunAsync("sweep", file, "--quiet")).ExitCode);

        Assert.Equal(uninterrupted, Snapshot(folder));
        Assert.Contains("resumes run again.crowd_base-rate.mid", File.ReadAllText(Path.Combine(killed, RunFolderLayout.Log)), StringComparison.Ordinal);
        Assert.Equal(logs[Path.Combine(folder, "again.uniform.20251201-20251203")], File.ReadAllText(Path.Combine(folder, "again.uniform.20251201-20251203", RunFolderLayout.Log)));
    }

    [Theory]
    [InlineData("unknown key", "\"Grid\": { \"Seeds\": [1], \"Agentz\": [\"uniform\"] }", "Sweep:Grid:Agentz is not a known key")]
    [InlineData("empty grid", "\"Grid\": { }", "Sweep:Grid is empty")]
    [InlineData("duplicate run ids", "\"Grid\": { \"Agents\": [ \"uniform\", [\"uniform\"] ] }", "would have the id 'bad.uniform'")]
    [InlineData("unknown agent", "\"Grid\": { \"Agents\": [ \"oracle\" ] }", "names agent 'oracle', which is not configured")]
    [InlineData("missing question file", "\"Grid\": { \"QuestionSets\": [ \"/nonexistent/q.jsonl\" ] }", "/nonexistent/q.jsonl, which does not exist")]
    public async Task BadSweepFilesAreBadInputExitsBeforeAnythingStarts(string problem, string grid, string expected)
    {
        _ = problem;
        var file = SweepFile("bad", grid);

        var (code, _, errors) = await cli.RunCapturingAsync("sweep", file, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "bad")));
    }

    [Theory]
    [InlineData("sweep")]
    [InlineData("worker")]
    [InlineData("status")]
    public async Task AClusterDatabaseThatCannotBeReachedIsABadInputExitNamingIt(string verb)
    {
        var file = SweepFile("unreachable", Grid);
        var database = "Host=127.0.0.1;Port=1;Username=fs;Database=sweeps;Password=secret;Timeout=3";
        string[] args = verb switch
        {
            "worker" => ["worker", "--cluster", "lab", "--database", database],
            "status" => ["sweep", "status", file, "--cluster", "lab", "--database", database],
            _ => ["sweep", file, "--cluster", "lab", "--database", database, "--quiet"],
        };

        var (code, _, errors) = await cli.RunCapturingAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("fs@127.0.0.1:1/sweeps", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "unreachable")));
    }

    [Fact]
    public async Task StatusOfALocalSweepListsEveryRunAndHowFarItGot()
    {
        var file = SweepFile("status", """ "Grid": { "Agents": [ "uniform", "crowd" ], "Windows": [ { "Start": "2025-12-01", "End": "2025-12-02" } ] } """);
        Assert.Equal(0, (await cli.RunAsync("sweep", file, "--quiet")).ExitCode);
        Directory.Delete(Path.Combine(cli.RunsDirectory, "status", "status.crowd.20251201-20251202"), recursive: true);

        var (code, output) = await cli.RunAsync("sweep", "status", file);

        Assert.Equal(0, code);
        Assert.Contains("1/2 runs complete", output, StringComparison.Ordinal);
        Assert.Contains("| status.uniform.20251201-20251202 | complete | 2 |", output, StringComparison.Ordinal);
        Assert.Contains("| status.crowd.20251201-20251202 | absent | 2 |", output, StringComparison.Ordinal);
    }

    private string SweepFile(string name, string grid)
    {
        var path = Path.Combine(cli.Root, name + ".sweep.json");
        File.WriteAllText(path, $$"""{ "Sweep": { "Name": "{{name}}", {{grid}} } }""");
        return path;
    }

    /// <summary>Every file of the sweep folder but the logs (which carry wall-clock times), by relative path.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != RunFolderLayout.Log)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);
}
