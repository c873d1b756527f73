namespace FutureSim.Mcp.Tests.Sandbox;

/// <summary>Wall time that stands still, for exact log lines.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
