using System.Net;

namespace FutureSim.Cluster;

/// <summary>
/// How to reach a cluster and, for a worker, how to take part in it. Validated with <see cref="Validate"/> before
/// anything connects; the database is named in every error about it (without its password).
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>The cluster's name: workers and sweeps of one name form one cluster; names share a database without mixing.</summary>
    public required string Name { get; init; }

    /// <summary>PostgreSQL connection string (Npgsql form) of the database holding membership and sweep state.</summary>
    public required string Database { get; init; }

    /// <summary>This worker's name in logs and status (default: machine name and process id).</summary>
    public string? WorkerName { get; init; }

    /// <summary>How many runs this worker executes at once.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>The address other workers and clients reach this worker at; null: this machine's own address.</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>Port for worker-to-worker traffic; 0 picks a free one.</summary>
    public int SiloPort { get; init; }

    /// <summary>Port clients (<c>futuresim sweep --cluster</c>) connect to; 0 picks a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>
    /// How long a run stays a worker's after its last renewal. A worker renews every quarter of it and stops a run it
    /// could not renew for three quarters of it, so that another worker takes the run over only once it has stopped.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a silo waits for a probe answer; a worker is declared dead after three missed probes.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The first problem with the settings, or null.</summary>
    public string? Validate()
    {
        if (Name.Length == 0 || Name.Length > 100 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return $"--cluster '{Name}' must be 1 to 100 letters, digits, '-', '_' or '.'.";
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            return "No cluster database: give --database or set Cluster:Database (a PostgreSQL connection string such as Host=db;Database=futuresim;Username=futuresim;Password=…).";
        }

        if (Capacity is < 1 or > 256)
        {
            return $"--capacity {Capacity} must be from 1 to 256.";
        }

        if (LeaseDuration < TimeSpan.FromSeconds(2))
        {
            return $"Cluster:LeaseDuration {LeaseDuration} must be at least 00:00:02.";
        }

        return SiloPort is < 0 or > 65535 || GatewayPort is < 0 or > 65535 ? "Cluster ports must be from 0 to 65535." : null;
    }
}
