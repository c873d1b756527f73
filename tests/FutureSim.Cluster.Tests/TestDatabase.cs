using Npgsql;

namespace FutureSim.Cluster.Tests;

/// <summary>A fresh database on the test PostgreSQL server, dropped at the end, so that tests never share cluster state.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "FUTURESIM_TEST_POSTGRES";

    private readonly string server;
    private readonly string name;

    private TestDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>A connection string to the server (any database), or null when none is configured.</summary>
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string of the fresh database.</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"PostgreSQL is required here: {Variable} is not set (.ci/run starts a server and sets it).");
        var database = new TestDatabase(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString, "futuresim_test_" + Guid.NewGuid().ToString("N")[..12]);
        await database.OnServerAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async ValueTask DisposeAsync() => await OnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
