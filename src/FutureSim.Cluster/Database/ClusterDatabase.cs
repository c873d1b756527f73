using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FutureSim.Cluster.Database;

/// <summary>The PostgreSQL database of a cluster: reached with a clear error when it cannot be, and given its tables on first use.</summary>
public static class ClusterDatabase
{
    /// <summary>The database as people name it — <c>user@host:port/database</c> — without the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{parts.Username}@{parts.Host}:{parts.Port}/{parts.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    /// <summary>Connects, and creates the tables and provider queries the cluster needs when they are missing (concurrent callers wait for one another).</summary>
    /// <exception cref="ClusterUnavailableException">The connection string is unreadable or the database cannot be reached or used.</exception>
    public static async Task EnsureSchemaAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ClusterUnavailableException($"The cluster database connection string is not readable ({e.Message}); write it as Host=…;Port=5432;Database=…;Username=…;Password=….", e);
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({ClusterSchema.LockKey});", cancellationToken);
            await ExecuteAsync(connection, ClusterSchema.Tables, cancellationToken);
            foreach (var (key, text) in ProviderQueries.All)
            {
                await using var upsert = new NpgsqlCommand(
                    "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;",
                    connection);
                upsert.Parameters.AddWithValue("key", key);
                upsert.Parameters.AddWithValue("text", text);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Cluster database {Database} ready", Describe(connectionString));
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException(
                $"Cannot use the cluster database {Describe(connectionString)}: {e.Message}. Start PostgreSQL there, or give the right --database (or Cluster:Database).", e);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
