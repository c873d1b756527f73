using System.Reflection;
using FutureSim.Benchmarks.Sandbox;

namespace FutureSim.Benchmarks.Tests.Sandbox;

/// <summary>The sandbox benchmark through the real runner and CLI-harness factory; it needs bwrap (<c>.ci/run</c> installs it).</summary>
public sealed class SandboxBenchmarkTests
{
    /// <summary>The built futuresim program (the CLI project is built with these tests), whose entry each sandbox runs.</summary>
    private static readonly string Program = Path.GetFullPath(
        typeof(SandboxBenchmarkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FutureSimCliDirectory").Value!);

    [Fact]
    public async Task EveryDayOfBothAgentsStartsAndIsTimed()
    {
        var project = Directory.CreateTempSubdirectory("futuresim-bench-project-").FullName;
        try
        {
            // A generous target: the test checks the measurement's completeness, not the machine's speed.
            var report = await SandboxBenchmark.RunAsync(
                new SandboxBenchmarkOptions { Days = 2, DayLength = TimeSpan.Zero, ProjectRoot = project, ProgramDirectory = Program, TargetMilliseconds = 60_000 }, CancellationToken.None);

            Assert.Empty(report.Problems);
            Assert.Equal(2, report.Unsandboxed.Days);
            Assert.Equal(2, report.Sandboxed.Days);
            Assert.All([report.Unsandboxed, report.Sandboxed], s => Assert.True(s.P50 > 0 && s.P50 <= s.Max));
            Assert.Equal(report.Sandboxed.P50 - report.Unsandboxed.P50, report.OverheadP50);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void DaysThatNeverStartedAndAnOverheadOverTheTargetFailTheChecks()
    {
        var report = new SandboxBenchmarkReport(3, 0, StartLatency.Of([1.0, 2.0, 3.0]), StartLatency.Of([150.0, 160.0]), 158, 100);

        Assert.Collection(
            report.Problems,
            p => Assert.Equal("The sandboxed agent's command started on 2 of 3 days.", p),
            p => Assert.Equal("The median overhead of a sandboxed day start is 158.0 ms, over the target of 100 ms.", p));
    }
}
