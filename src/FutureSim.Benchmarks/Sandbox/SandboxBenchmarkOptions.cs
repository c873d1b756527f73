namespace FutureSim.Benchmarks.Sandbox;

/// <summary>How <see cref="SandboxBenchmark"/> measures: days per agent, the least length of a day, and the folder no sandbox may show.</summary>
public sealed record SandboxBenchmarkOptions
{
    /// <summary>Simulated days per agent.</summary>
    public int Days { get; init; } = 20;

    /// <summary>
    /// The least time each agent's day lasts, as a real agent's day does, so that the next sandbox is prepared in the
    /// meantime; zero measures a sandbox started cold.
    /// </summary>
    public TimeSpan DayLength { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The project folder, hidden from the sandbox as in a run.</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>The folder of the futuresim program the sandbox runs its entry from; default: this program's.</summary>
    public string ProgramDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The target: the median overhead of a sandboxed day start over an unsandboxed one, in milliseconds.</summary>
    public double TargetMilliseconds { get; init; } = 100;
}
