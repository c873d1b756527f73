using System.CommandLine;
using FutureSim.Cli.Sweeps;
using FutureSim.Core.Input;
using FutureSim.Core.Sweeps;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim sweep &lt;file&gt;</c>: a grid of runs on this machine or, with <c>--cluster</c>, on a cluster of workers;
/// <c>sweep status</c> and <c>sweep cancel</c>. The sweep file is configuration layered over appsettings.json and the
/// <c>--config</c> files, plus its <c>Sweep</c> section (name and grid).
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The sweep file (JSON): a Sweep section with Name and Grid, and any configuration sections." };
        var cluster = new ClusterCommandOptions();
        var maxRuns = new Option<int?>("--max-runs") { Description = "Runs executed at once on this machine (default: Sweep:MaxConcurrentRuns, else the number of processors)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (progress is logged instead)." };
        var command = new Command("sweep", "Run a sweep: every point of its grid (agents × seeds × question sets × corpora × windows) is a run; completed runs are skipped, incomplete ones resumed; ends with one pooled leaderboard.")
        {
            file, maxRuns, quiet, cluster.Cluster, cluster.Database, Status(), Cancel(),
        };
        command.SetAction((parse, cancellationToken) => WithSweepFile(parse, file, cancellationToken, async (host, path, ct) =>
        {
            async Task Print(string markdown) => await Console.Out.WriteAsync(markdown);
            if (parse.GetValue(maxRuns) is < 1)
            {
                await Console.Error.WriteLineAsync("error: --max-runs must be at least 1.");
                return CommandHost.BadInput;
            }

            IReadOnlyDictionary<string, string>? failed;
            var onCluster = parse.GetValue(cluster.Cluster) is not null;
            try
            {
                failed = onCluster
                    ? await host.Service<ClusterSweep>().RunAsync(path, cluster.Settings(parse, host), parse.GetValue(quiet), Print, ct)
                    : await host.Service<LocalSweep>().RunAsync(path, parse.GetValue(maxRuns), parse.GetValue(quiet), Print, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync(onCluster
                    ? "Stopped following; the sweep goes on on the cluster (futuresim sweep status shows it, futuresim sweep cancel stops it)."
                    : "Stopped. Run the sweep again to go on: completed runs are kept and incomplete ones resume from their last complete day.");
                return CommandHost.Failure;
            }

            if (failed is null)
            {
                await Console.Error.WriteLineAsync("The sweep was cancelled on the cluster; submit it again to go on from where it stopped.");
                return CommandHost.Failure;
            }

            foreach (var (run, message) in failed.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"run {run} failed: {message}");
            }

            if (failed.Count > 0)
            {
                await Console.Error.WriteLineAsync($"{failed.Count} run(s) failed; run the sweep again to retry them (completed runs are kept).");
            }

            return failed.Count == 0 ? CommandHost.Success : CommandHost.Failure;
        }));
        return command;

        Command Status()
        {
            var statusFile = new Argument<string>("file") { Description = "The sweep file." };
            var options = new ClusterCommandOptions();
            var status = new Command("status", "Show a sweep's runs (state, worker, days) and, on a cluster, its workers and what they run.") { statusFile, options.Cluster, options.Database };
            status.SetAction((parse, cancellationToken) => WithSweepFile(parse, statusFile, cancellationToken, async (host, path, ct) =>
            {
                var text = parse.GetValue(options.Cluster) is null
                    ? Local(host, path)
                    : await host.Service<ClusterSweep>().StatusAsync(path, options.Settings(parse, host), ct);
                await Console.Out.WriteAsync(text);
                return CommandHost.Success;
            }));
            return status;
        }

        Command Cancel()
        {
            var cancelFile = new Argument<string>("file") { Description = "The sweep file." };
            var options = new ClusterCommandOptions();
            var cancel = new Command("cancel", "Cancel a sweep on a cluster: its running runs stop after their current day and keep their event logs; submitting it again goes on.") { cancelFile, options.Cluster, options.Database };
            cancel.SetAction((parse, cancellationToken) => WithSweepFile(parse, cancelFile, cancellationToken, async (host, path, ct) =>
            {
                if (parse.GetValue(options.Cluster) is null)
                {
                    await Console.Error.WriteLineAsync("error: --cluster is required (a local sweep is cancelled with Ctrl-C).");
                    return CommandHost.BadInput;
                }

                var known = await host.Service<ClusterSweep>().CancelAsync(path, options.Settings(parse, host), ct);
                await Console.Out.WriteLineAsync(known ? "Cancelled." : "The cluster has no such sweep.");
                return known ? CommandHost.Success : CommandHost.BadInput;
            }));
            return cancel;
        }
    }

    private static string Local(Configuration.CliHost host, string path)
    {
        var planning = host.Service<SweepPlanning>();
        var plan = planning.Plan(path, planning.Read(path));
        return SweepStatusText.Local(plan, host.Service<SweepExecutor>().FolderOf(plan));
    }

    /// <summary>Reads the sweep file strictly first (a malformed file is a bad-input exit naming its line), then runs the verb with the file layered as configuration.</summary>
    private static async Task<int> WithSweepFile(
        ParseResult parse, Argument<string> file, CancellationToken cancellationToken, Func<Configuration.CliHost, string, CancellationToken, Task<int>> verb)
    {
        var path = Path.GetFullPath(parse.GetValue(file)!);
        try
        {
            SweepDefinitionReader.Read(path);
        }
        catch (InvalidInputException e)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return CommandHost.BadInput;
        }

        return await CommandHost.RunAsync(parse, new Dictionary<string, string?>(), (host, ct) => verb(host, path, ct), cancellationToken, sweepFile: path);
    }
}
