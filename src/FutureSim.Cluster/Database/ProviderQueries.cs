namespace FutureSim.Cluster.Database;

/// <summary>
/// The SQL Orleans' ADO.NET providers run, by query key, over <see cref="ClusterSchema"/>'s tables. The contract: parameters
/// <c>@Name</c> as the providers bind them, result columns named as they read them; a query answering yes or no returns one
/// row with one count. Membership changes are conditional on the cluster's membership version, which they bump.
/// </summary>
internal static class ProviderQueries
{
    private const string Member = """
        m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
        m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
        m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version", v.deployment_id AS "DeploymentId"
        """;

    private const string SiloKey = """
        deployment_id = @DeploymentId::text AND address = @Address::text AND port = @Port::integer AND generation = @Generation::integer
        """;

    private const string GrainKey = """
        service_id = @ServiceId::text AND grain_type = @GrainTypeString::text AND grain_id_n0 = @GrainIdN0::bigint
        AND grain_id_n1 = @GrainIdN1::bigint AND grain_id_extension = coalesce(@GrainIdExtensionString::text, '')
        """;

    // The version row is locked first (FOR UPDATE re-checks the version after waiting), so that of two changes made
    // against the same version exactly one succeeds.
    private const string LockVersion = """
        WITH locked AS (
            SELECT deployment_id FROM futuresim_membership_version
            WHERE deployment_id = @DeploymentId::text AND version = @Version::integer
            FOR UPDATE)
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["InsertMembershipVersionKey"] = """
            WITH inserted AS (
                INSERT INTO futuresim_membership_version (deployment_id) VALUES (@DeploymentId::text)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM inserted;
            """,
        ["InsertMembershipKey"] = $"""
            {LockVersion},
            inserted AS (
                INSERT INTO futuresim_membership
                    (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address::text, @Port::integer, @Generation::integer, @SiloName::text, @HostName::text,
                    @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz
                FROM locked
                ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
                RETURNING 1),
            bumped AS (
                UPDATE futuresim_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId::text AND EXISTS (SELECT 1 FROM inserted)
                RETURNING 1)
            SELECT count(*)::integer FROM bumped;
            """,
        ["UpdateMembershipKey"] = $"""
            {LockVersion},
            updated AS (
                UPDATE futuresim_membership
                SET status = @Status::integer, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime::timestamptz
                WHERE {SiloKey} AND EXISTS (SELECT 1 FROM locked)
                RETURNING 1),
            bumped AS (
                UPDATE futuresim_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId::text AND EXISTS (SELECT 1 FROM updated)
                RETURNING 1)
            SELECT count(*)::integer FROM bumped;
            """,
        ["UpdateIAmAlivetimeKey"] = $"UPDATE futuresim_membership SET i_am_alive_time = @IAmAliveTime::timestamptz WHERE {SiloKey};",
        ["MembershipReadRowKey"] = $"""
            SELECT {Member}
            FROM futuresim_membership_version v
            LEFT JOIN futuresim_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address::text AND m.port = @Port::integer AND m.generation = @Generation::integer
            WHERE v.deployment_id = @DeploymentId::text;
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {Member}
            FROM futuresim_membership_version v
            LEFT JOIN futuresim_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId::text;
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM futuresim_membership
            WHERE deployment_id = @DeploymentId::text AND status = @Status::integer AND proxy_port > 0;
            """,
        ["DeleteMembershipTableEntriesKey"] = "DELETE FROM futuresim_membership_version WHERE deployment_id = @DeploymentId::text;",
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM futuresim_membership
            WHERE deployment_id = @DeploymentId::text AND i_am_alive_time < @IAmAliveTime::timestamptz AND status <> 3;
            """,
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS "PayloadBinary", modified_at AS "ModifiedOn", version AS "Version"
            FROM futuresim_grain_state WHERE {GrainKey};
            """,
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE futuresim_grain_state
                SET payload = @PayloadBinary::bytea, version = version + 1, modified_at = now()
                WHERE {GrainKey} AND @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
                RETURNING version),
            inserted AS (
                INSERT INTO futuresim_grain_state
                    (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version, modified_at)
                SELECT @ServiceId::text, @GrainTypeString::text, @GrainIdN0::bigint, @GrainIdN1::bigint,
                    coalesce(@GrainIdExtensionString::text, ''), @PayloadBinary::bytea, 1, now()
                WHERE @GrainStateVersion::integer IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version)
            SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer) AS "NewGrainStateVersion";
            """,
        ["ClearStorageKey"] = $"""
            UPDATE futuresim_grain_state SET payload = NULL, version = version + 1, modified_at = now()
            WHERE {GrainKey} AND version = @GrainStateVersion::integer
            RETURNING version AS "NewGrainStateVersion";
            """,
    };
}
