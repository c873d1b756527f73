namespace FutureSim.Cluster.Database;

/// <summary>
/// The tables behind Orleans' ADO.NET clustering and grain storage providers in PostgreSQL, written for FutureSim. The
/// providers read the SQL they run from <c>OrleansQuery</c> (<see cref="ProviderQueries"/>) and only depend on its keys, the
/// parameter names and the result column names; the tables themselves are ours. Every statement is idempotent.
/// </summary>
internal static class ClusterSchema
{
    /// <summary>Serialises schema creation between workers starting at once (an advisory lock key).</summary>
    public const long LockKey = 0x46_53_49_4D_43_4C_55_53; // "FSIMCLUS"

    public const string Tables = """
        CREATE TABLE IF NOT EXISTS OrleansQuery
        (
            QueryKey varchar(64) NOT NULL PRIMARY KEY,
            QueryText text NOT NULL
        );

        -- One row per cluster: its membership version, bumped by every change of the membership table.
        CREATE TABLE IF NOT EXISTS futuresim_membership_version
        (
            deployment_id text NOT NULL PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now()
        );

        -- One row per silo (worker process) that ever joined the cluster.
        CREATE TABLE IF NOT EXISTS futuresim_membership
        (
            deployment_id text NOT NULL REFERENCES futuresim_membership_version (deployment_id) ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );

        -- Grain state (sweeps and the cluster directory), versioned for optimistic concurrency.
        CREATE TABLE IF NOT EXISTS futuresim_grain_state
        (
            service_id text NOT NULL,
            grain_type text NOT NULL,
            grain_id_n0 bigint NOT NULL,
            grain_id_n1 bigint NOT NULL,
            grain_id_extension text NOT NULL,
            payload bytea,
            version integer NOT NULL,
            modified_at timestamptz NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
        );
        """;
}
