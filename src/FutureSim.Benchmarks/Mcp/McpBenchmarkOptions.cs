namespace FutureSim.Benchmarks.Mcp;

/// <summary>The shape of an MCP load test: how many clients, how many calls each, and the simulated day they act on.</summary>
public sealed record McpBenchmarkOptions
{
    public int Clients { get; init; } = 16;

    public int CallsPerClient { get; init; } = 1000;

    /// <summary>Unmeasured calls per client before the measured ones (JIT, connection set-up).</summary>
    public int WarmUpCallsPerClient { get; init; } = 20;

    /// <summary>The simulated day the clients act on; questions open that day are forecast.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The target: no errors, and p99 of every measured tool at most this many milliseconds.</summary>
    public double TargetP99Milliseconds { get; init; } = 20;

    /// <summary>Where the throwaway run folder goes (deleted afterwards); default: the temp folder.</summary>
    public string? WorkDirectory { get; init; }
}
