using System.CommandLine;
using FutureSim.Cli.Sweeps;
using FutureSim.Cluster.Workers;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim worker --cluster &lt;name&gt;</c>: an Orleans silo that executes the cluster's sweep runs until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var cluster = new ClusterCommandOptions();
        var capacity = new Option<int?>("--capacity") { Description = "Runs this worker executes at once (default: Cluster:Capacity, else 1)." };
        var name = new Option<string>("--name") { Description = "This worker's name in logs and status (default: machine name and process id)." };
        var advertise = new Option<string>("--advertise") { Description = "The IP address other workers and clients reach this one at (default: this machine's)." };
        var command = new Command("worker", "Join a cluster as a worker: run its sweeps' runs (into the shared run root, Simulation:RunsDirectory) with this machine's own corpus index, until stopped (Ctrl-C or SIGTERM hands the runs back).")
        {
            cluster.Cluster, cluster.Database, capacity, name, advertise,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            if (parse.GetValue(cluster.Cluster) is null)
            {
                await Console.Error.WriteLineAsync("error: --cluster is required: name the cluster to join.");
                return CommandHost.BadInput;
            }

            System.Net.IPAddress? address = null;
            if (parse.GetValue(advertise) is { } text && !System.Net.IPAddress.TryParse(text, out address))
            {
                await Console.Error.WriteLineAsync($"error: --advertise '{text}' is not an IP address.");
                return CommandHost.BadInput;
            }

            var settings = cluster.Settings(parse, host, s => s with
            {
                Capacity = parse.GetValue(capacity) ?? s.Capacity,
                WorkerName = parse.GetValue(name) ?? s.WorkerName,
                AdvertisedAddress = address ?? s.AdvertisedAddress,
            });
            await WorkerHost.RunAsync(settings, host.Service<SweepExecutor>(), host.Service<ILoggerFactory>(), host.Service<TimeProvider>(), ct);
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }
}
