using FutureSim.Cluster.Contracts;
using FutureSim.Cluster.Database;
using FutureSim.Cluster.Grains;
using FutureSim.Cluster.Workers;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace FutureSim.Cluster.Clients;

/// <summary>A client of a cluster (<c>futuresim sweep --cluster</c>): submits, follows and cancels sweeps, and lists the workers.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    private readonly IHost host;
    private readonly IClusterClient client;
    private readonly ILogger logger;

    private ClusterConnection(IHost host, ILogger logger)
    {
        this.host = host;
        this.logger = logger;
        client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <exception cref="ClusterUnavailableException">The database cannot be reached, or no worker of the cluster answers.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterSettings settings, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        await ClusterDatabase.EnsureSchemaAsync(settings.Database, loggerFactory.CreateLogger(typeof(ClusterConnection)), cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.UseOrleansClient(orleans =>
        {
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.Name, WorkerHost.ServiceId(settings)));
            orleans.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (ClusterStorage.Invariant, settings.Database));

            // A call to a worker that died gives up after this (rather than 30 s), and following the sweep asks again.
            orleans.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"No worker of cluster {settings.Name} answers (database {ClusterDatabase.Describe(settings.Database)}): start one with 'futuresim worker --cluster {settings.Name}'. ({e.Message})", e);
        }

        return new ClusterConnection(host, loggerFactory.CreateLogger<ClusterConnection>());
    }

    public Task<SubmitOutcome> SubmitAsync(SweepPlan plan) => Sweep(plan.Name).SubmitAsync(plan.ToJson());

    public Task<SweepSnapshot> StatusAsync(string sweep) => Sweep(sweep).StatusAsync();

    /// <summary>
    /// The sweep's state, or null while it cannot be had: the worker that held the sweep died and the cluster has not yet
    /// brought it back on another worker (from its state in the database). Following a sweep asks again.
    /// </summary>
    public async Task<SweepSnapshot?> TryStatusAsync(string sweep)
    {
        try
        {
            return await StatusAsync(sweep);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning("The state of sweep {Sweep} cannot be had now (a worker may have died); asking again: {Message}", sweep, e.Message);
            return null;
        }
    }

    public Task CancelAsync(string sweep) => Sweep(sweep).CancelAsync();

    public Task<WorkerReport[]> WorkersAsync() => client.GetGrain<IDirectoryGrain>(0).WorkersAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            host.Dispose();
        }
    }

    private ISweepGrain Sweep(string name) => client.GetGrain<ISweepGrain>(name);
}
