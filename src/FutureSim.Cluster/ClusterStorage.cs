namespace FutureSim.Cluster;

/// <summary>The grain storage provider holding sweep state in PostgreSQL.</summary>
internal static class ClusterStorage
{
    public const string Name = "futuresim";

    /// <summary>The ADO.NET invariant of Npgsql.</summary>
    public const string Invariant = "Npgsql";
}
