using FutureSim.Agents.Llm;

namespace FutureSim.Benchmarks.Llm;

/// <summary>How to run <see cref="LlmBenchmark"/>.</summary>
public sealed record LlmBenchmarkOptions
{
    /// <summary>The kind of the agents: <c>llm</c>, <c>semantic-kernel</c> or <c>agent-framework</c>.</summary>
    public string Kind { get; init; } = LlmAgentFactory.KindName;

    /// <summary>How many agents act, all at once.</summary>
    public int Agents { get; init; } = 32;

    /// <summary>How many simulated days.</summary>
    public int Days { get; init; } = 10;

    /// <summary>How long the local model server takes to answer each call.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long an agent waits for one model call (its <c>RequestTimeout</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an agent retries a failed model call (its <c>MaxRetries</c>).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first simulated day; by default the day the earliest question opens.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Whether to run a small unmeasured simulation first, so that start-up costs (JIT compilation, first connections) are not measured.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Where the benchmark's run folder is written; by default a temporary folder, deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }
}
