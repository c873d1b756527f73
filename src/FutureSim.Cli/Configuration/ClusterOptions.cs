namespace FutureSim.Cli.Configuration;

/// <summary>The <c>Cluster</c> section: the cluster database and how a worker takes part (command-line options override it).</summary>
internal sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>PostgreSQL connection string (e.g. <c>Host=db;Database=futuresim;Username=futuresim;Password=…</c>).</summary>
    public string? Database { get; set; }

    public int Capacity { get; set; } = 1;

    public string? WorkerName { get; set; }

    public string? AdvertisedAddress { get; set; }

    public int SiloPort { get; set; }

    public int GatewayPort { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
