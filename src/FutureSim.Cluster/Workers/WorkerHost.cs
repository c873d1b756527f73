using System.Net;
using System.Net.Sockets;
using FutureSim.Cluster.Database;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace FutureSim.Cluster.Workers;

/// <summary>
/// <c>futuresim worker</c>: an Orleans silo in the generic host, with membership and sweep state in PostgreSQL through
/// Orleans' ADO.NET providers, and the <see cref="SweepWorker"/> loop executing runs through the given executor.
/// </summary>
public static class WorkerHost
{
    /// <summary>Runs the worker until <paramref name="cancellationToken"/> is cancelled; its runs are then handed back to the cluster.</summary>
    /// <exception cref="ClusterUnavailableException">The database cannot be reached or used.</exception>
    public static async Task RunAsync(ClusterSettings settings, ISweepRunExecutor executor, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        await ClusterDatabase.EnsureSchemaAsync(settings.Database, loggerFactory.CreateLogger(typeof(WorkerHost)), cancellationToken);
        var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
        var gatewayPort = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
        var name = settings.WorkerName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var address = settings.AdvertisedAddress ?? (await Dns.GetHostAddressesAsync(Dns.GetHostName(), AddressFamily.InterNetwork, cancellationToken)).FirstOrDefault() ?? IPAddress.Loopback;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(executor);
        builder.Services.AddSingleton(new WorkerIdentity(name, $"{address}:{siloPort}"));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.Name, ServiceId(settings)));
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterStorage.Invariant, settings.Database));
            silo.AddAdoNetGrainStorage(ClusterStorage.Name, o => (o.Invariant, o.ConnectionString) = (ClusterStorage.Invariant, settings.Database));
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: true);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A dead worker is noticed within a few probe timeouts, so that the sweeps it hosted move on quickly.
                o.ProbeTimeout = settings.ProbeTimeout;
                o.NumMissedProbesLimit = 3;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });
        });
        builder.Services.AddHostedService<SweepWorker>();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }

    /// <summary>Clusters of different names never share grain state.</summary>
    internal static string ServiceId(ClusterSettings settings) => "futuresim-" + settings.Name;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
