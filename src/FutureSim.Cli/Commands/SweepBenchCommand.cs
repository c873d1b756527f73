using System.CommandLine;
using System.Globalization;
using System.Reflection;
using FutureSim.Cli.Configuration;
using FutureSim.Benchmarks.Sweeps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim bench sweep</c>: the cluster's overhead against one local sweep of the same runs with the same total concurrency.</summary>
internal static class SweepBenchCommand
{
    public static Command Create()
    {
        var windows = new Option<int>("--windows") { Description = "Consecutive date windows from 2025-01-01; each gives 4 baseline agents × 3 question choices runs.", DefaultValueFactory = _ => 2 };
        var days = new Option<int>("--days") { Description = "Simulated days of each window (run).", DefaultValueFactory = _ => 299 };
        var workers = new Option<int>("--workers") { Description = "Local workers of one run each; the local sweep runs as many at once.", DefaultValueFactory = _ => 3 };
        var repeats = new Option<int>("--repeats") { Description = "Measurements of each way, alternating which goes first.", DefaultValueFactory = _ => 3 };
        var database = new Option<string>("--database") { Description = "PostgreSQL connection string of the cluster database (default: Cluster:Database)." };
        var command = new Command("sweep", "A sweep of baseline runs (by default 24 covering the bundled calendar) by one local `futuresim sweep` and by local cluster workers (PostgreSQL needed): wall time both ways, same bytes.")
        {
            windows, days, workers, repeats, database, BenchCommand.Json,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var options = new SweepBenchmarkOptions
            {
                Windows = parse.GetValue(windows),
                QuestionSets = host.Service<IOptions<SimulationOptions>>().Value.QuestionSets,
                DaysPerRun = parse.GetValue(days),
                Workers = parse.GetValue(workers),
                Repeats = parse.GetValue(repeats),
                Database = parse.GetValue(database) ?? host.Service<IConfiguration>()[$"{ClusterOptions.SectionName}:{nameof(ClusterOptions.Database)}"] ?? "",
                Command = Self(),
            };
            if (options.Validate() is { } problem)
            {
                throw new OptionsException(problem);
            }

            SweepBenchmarkReport report;
            try
            {
                report = await SweepBenchmark.RunAsync(options, host.Service<TimeProvider>(), line => Console.Error.WriteLine(line), ct);
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message);
                return CommandHost.Failure;
            }

            return BenchCommand.Print(report, parse.GetValue(BenchCommand.Json), report.Problems, r =>
            [
                ("sweep", BenchCommand.Invariant($"{r.Runs} baseline runs of {r.DaysPerRun} days, {r.Workers} at once")),
                ("local sweep", BenchCommand.Invariant($"median {r.LocalMedianSeconds:0.00} s ({string.Join(", ", r.LocalSeconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})")),
                ("cluster sweep", BenchCommand.Invariant($"median {r.ClusterMedianSeconds:0.00} s ({string.Join(", ", r.ClusterSeconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}) on {r.Workers} workers of 1 run")),
                ("overhead", BenchCommand.Invariant($"{r.Ratio:0.000}× (target ≤ {SweepBenchmarkReport.Target:0.00}×)")),
                ("same bytes", r.DifferingFiles.IsEmpty ? "yes (every file of every run folder and the leaderboard, run logs aside)" : $"no: {r.DifferingFiles.Length} files differ"),
            ]);
        }, cancellationToken));
        return command;
    }

    /// <summary>How this very executable is started again: its apphost, or <c>dotnet</c> and its assembly.</summary>
    private static string[] Self()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, Assembly.GetEntryAssembly()!.Location] : [process];
    }
}
