using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FutureSim.Benchmarks.Mcp;

/// <summary>
/// The result of an MCP load test: measured calls, errors (exceptions or error replies), wall time, and the
/// latency percentiles per tool in microseconds, as seen by the clients (round trip over loopback TCP).
/// </summary>
public sealed record McpBenchmarkReport(
    int Clients, int Calls, int Errors, TimeSpan Elapsed, ImmutableSortedDictionary<string, LatencySummary> Tools, double TargetP99Milliseconds)
{
    /// <summary>The checks that failed: errors, or a tool whose p99 is above the target. Empty when the target is met.</summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. Errors > 0 ? [$"{Errors} calls failed."] : Array.Empty<string>(),
        .. Tools.Where(t => t.Value.P99 > TargetP99Milliseconds * 1000)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}: p99 {t.Value.P99 / 1000:0.00} ms is above the target {TargetP99Milliseconds} ms.")),
    ];

    public bool MeetsTarget => Problems.IsEmpty;

    public string Render()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"MCP load: {Clients} clients, {Calls} measured calls, {Errors} errors, {Elapsed.TotalSeconds:0.0} s ({Calls / Math.Max(Elapsed.TotalSeconds, 1e-9):0} calls/s)\n");
        foreach (var (tool, latency) in Tools)
        {
            text.Append(invariant, $"  {tool,-18} p50 {latency.P50 / 1000:0.00} ms   p95 {latency.P95 / 1000:0.00} ms   p99 {latency.P99 / 1000:0.00} ms\n");
        }

        text.Append(invariant, $"Target (no errors, p99 <= {TargetP99Milliseconds} ms): {(MeetsTarget ? "met" : "NOT met")}\n");
        return text.ToString();
    }
}
