using System.Collections.Immutable;
using System.Globalization;

namespace FutureSim.Benchmarks.Sandbox;

/// <summary>
/// A CLI agent's day start with and without its bubblewrap sandbox, the median overhead, and what the checks found:
/// every day of both agents started (its command left its mark), and the overhead is within the target.
/// </summary>
public sealed record SandboxBenchmarkReport(int Days, double DayLengthSeconds, StartLatency Unsandboxed, StartLatency Sandboxed, double OverheadP50, double TargetMilliseconds)
{
    /// <summary>The checks that failed; empty when every day of both agents started and the median overhead meets the target.</summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. Unsandboxed.Days != Days ? [$"The unsandboxed agent's command started on {Unsandboxed.Days} of {Days} days."] : Array.Empty<string>(),
        .. Sandboxed.Days != Days ? [$"The sandboxed agent's command started on {Sandboxed.Days} of {Days} days."] : Array.Empty<string>(),
        .. OverheadP50 > TargetMilliseconds
            ? [string.Create(CultureInfo.InvariantCulture, $"The median overhead of a sandboxed day start is {OverheadP50:0.0} ms, over the target of {TargetMilliseconds:0} ms.")]
            : Array.Empty<string>(),
    ];
}
