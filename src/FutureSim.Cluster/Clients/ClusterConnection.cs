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
    private readonly IHost host;
    private readonly IClusterClient client;

    private ClusterConnection(IHost host)
    {
        this.host = host;
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

        return new ClusterConnection(host);
    }

    public Task<SubmitOutcome> SubmitAsync(SweepPlan plan) => Sweep(plan.Name).SubmitAsync(plan.ToJson());

    public Task<SweepSnapshot> StatusAsync(string sweep) => Sweep(sweep).StatusAsync();

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
