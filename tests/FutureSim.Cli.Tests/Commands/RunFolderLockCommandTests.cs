using System.Diagnostics;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Tests.Commands;

/// <summary>One writer per run folder: a resume or a rescore of a run that another process is writing is refused, clearly.</summary>
[Collection(CliCollection.Name)]
public sealed class RunFolderLockCommandTests(CliRun cli)
{
    [Fact]
    public async Task AResumeOrAScoreOfARunBeingWrittenIsRefusedAndWorksOnceTheWriterIsDone()
    {
        Assert.Equal(0, (await cli.RunAsync("run", "--run-id", "locked", "--agents", "uniform", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet")).ExitCode);
        var folder = Path.Combine(cli.RunsDirectory, "locked");
        var leaderboard = File.ReadAllBytes(Path.Combine(folder, "leaderboard.json"));

        using (RunFolderLock.Acquire(folder, "run"))
        {
            var (resume, _, resumeError) = await cli.RunCapturingAsync("run", "--resume", "locked", "--quiet");
            var (score, _, scoreError) = await cli.RunCapturingAsync("score", folder);

            Assert.Equal((2, 2), (resume, score));
            Assert.All(new[] { resumeError, scoreError }, error =>
            {
                Assert.Contains($"process {Environment.ProcessId}", error);
                Assert.Contains(RunFolderLock.FileName, error);
                Assert.DoesNotContain("   at ", error);
            });
            Assert.Equal(leaderboard, File.ReadAllBytes(Path.Combine(folder, "leaderboard.json")));
        }

        Assert.Equal(0, (await cli.RunAsync("score", folder)).ExitCode);
    }

    /// <summary>Started where there is no appsettings.json and no FUTURESIM_ROOT, the executable says where it looked and what to do, in one line.</summary>
    [Fact]
    public async Task StartedFromAFolderWithoutSettingsItSaysWhereItLookedInOneLineAndExitsWith2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(cli.Root, "elsewhere")).FullName;
        var start = new ProcessStartInfo(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet")
        {
            WorkingDirectory = empty,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "futuresim.dll"));
        start.ArgumentList.Add("run");
        start.Environment.Remove("FUTURESIM_ROOT");

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(empty, line);
        Assert.Contains("FUTURESIM_ROOT", line);
    }
}
