namespace FutureSim.Cluster.Tests;

/// <summary>
/// A test that needs a real PostgreSQL server, named by <see cref="TestDatabase.Variable"/> (<c>.ci/run</c> starts one and sets it).
/// Without it the test is skipped on a developer machine, but under CI (<c>FUTURESIM_CI</c> set) it runs and fails, so that a CI
/// machine without PostgreSQL cannot pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.ServerConnectionString is null && Environment.GetEnvironmentVariable("FUTURESIM_CI") is null)
        {
            Skip = $"No PostgreSQL server: set {TestDatabase.Variable} to a connection string (as .ci/run does) to run the cluster tests.";
        }
    }
}
