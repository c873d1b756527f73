namespace FutureSim.Benchmarks.Tools;

/// <summary>How <see cref="ToolCallBenchmark"/> runs.</summary>
public sealed record ToolCallBenchmarkOptions
{
    /// <summary>The simulated day the calls are made on; the questions open that day are forecast.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Measured tool calls, made by agents of <see cref="CallsPerAgent"/> calls each.</summary>
    public int Calls { get; init; } = 20_000;

    /// <summary>Calls per agent and day (an agent's calls are recorded and written with its day).</summary>
    public int CallsPerAgent { get; init; } = 500;

    /// <summary>Unmeasured calls made first by a warm-up agent.</summary>
    public int WarmUpCalls { get; init; } = 500;

    /// <summary>Where the throwaway run folder goes (deleted afterwards); default: the temp folder.</summary>
    public string? WorkDirectory { get; init; }
}
