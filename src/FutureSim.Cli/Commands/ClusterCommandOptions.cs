using System.CommandLine;
using System.Net;
using FutureSim.Cli.Configuration;
using FutureSim.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FutureSim.Cli.Commands;

/// <summary>The options naming a cluster and its database, shared by <c>worker</c> and <c>sweep</c>; they override the <c>Cluster</c> section.</summary>
internal sealed class ClusterCommandOptions
{
    public Option<string> Cluster { get; } = new("--cluster") { Description = "The cluster's name (workers and sweeps of one name form one cluster)." };

    public Option<string> Database { get; } = new("--database") { Description = "PostgreSQL connection string of the cluster database (default: Cluster:Database, or the FUTURESIM_Cluster__Database variable)." };

    /// <summary>The cluster settings, validated; <paramref name="adjust"/> applies the worker's own options.</summary>
    public ClusterSettings Settings(ParseResult parse, CliHost host, Func<ClusterSettings, ClusterSettings>? adjust = null)
    {
        var configured = host.Services.GetRequiredService<IConfiguration>().GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions();
        IPAddress? address = null;
        if (configured.AdvertisedAddress is { } text && !IPAddress.TryParse(text, out address))
        {
            throw new OptionsException($"Cluster:AdvertisedAddress '{text}' is not an IP address.");
        }

        var settings = new ClusterSettings
        {
            Name = parse.GetValue(Cluster) ?? "",
            Database = parse.GetValue(Database) ?? configured.Database ?? "",
            Capacity = configured.Capacity,
            WorkerName = configured.WorkerName,
            AdvertisedAddress = address,
            SiloPort = configured.SiloPort,
            GatewayPort = configured.GatewayPort,
            LeaseDuration = configured.LeaseDuration,
            ProbeTimeout = configured.ProbeTimeout,
        };
        settings = adjust?.Invoke(settings) ?? settings;
        return settings.Validate() is { } problem ? throw new OptionsException(problem) : settings;
    }
}
