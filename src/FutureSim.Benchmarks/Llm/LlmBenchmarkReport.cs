using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Benchmarks.ChatServer;

namespace FutureSim.Benchmarks.Llm;

/// <summary>
/// The result of <see cref="LlmBenchmark"/>. The ideal wall time is the server latency times the
/// largest number of model calls one agent made in sequence (agents run concurrently);
/// <see cref="Overhead"/> is how far the measured wall time is above it. Tool-call times are the
/// harness's own work per call (argument parsing, the tool, rendering the result), search excluded.
/// </summary>
public sealed record LlmBenchmarkReport(
    string Kind,
    int Agents,
    int Days,
    TimeSpan Latency,
    int ModelCalls,
    int SequentialModelCalls,
    int ToolCalls,
    int AgentFailures,
    TimeSpan WallTime,
    TimeSpan IdealWallTime,
    TimeSpan ToolCallP50,
    TimeSpan ToolCallP95,
    TimeSpan SearchP50)
{
    /// <summary>
    /// The checks that failed: every agent must act every day through the scripted model without a failure — the same
    /// number of model calls per agent, three or four a day (four when the morning search found an article to read).
    /// </summary>
    public ImmutableArray<string> Problems { get; } =
    [
        .. AgentFailures > 0 ? [$"{AgentFailures} agent days failed."] : Array.Empty<string>(),
        .. ModelCalls != Agents * SequentialModelCalls
            ? [$"{ModelCalls} model calls were answered; {Agents} agents × {SequentialModelCalls} (the longest agent's) were expected: every agent follows the same script."]
            : Array.Empty<string>(),
        .. SequentialModelCalls < Days * ScriptedForecaster.CallsPerDayWithoutArticle || SequentialModelCalls > Days * ScriptedForecaster.CallsPerDay
            ? [$"The longest agent made {SequentialModelCalls} model calls in {Days} days; {ScriptedForecaster.CallsPerDayWithoutArticle}–{ScriptedForecaster.CallsPerDay} a day were expected."]
            : Array.Empty<string>(),
    ];

    /// <summary>Wall time over ideal, minus one (0.05 = 5 % above ideal).</summary>
    public double Overhead => IdealWallTime > TimeSpan.Zero ? (WallTime / IdealWallTime) - 1 : 0;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        {Agents} {Kind} agents x {Days} days, server latency {Latency.TotalMilliseconds:0} ms
        model calls: {ModelCalls} ({SequentialModelCalls} in sequence per agent); tool calls: {ToolCalls}; agent failures: {AgentFailures}
        wall time: {WallTime.TotalSeconds:0.00} s; ideal: {IdealWallTime.TotalSeconds:0.00} s; overhead: {Overhead:P1}
        harness time per tool call (search excluded): p50 {ToolCallP50.TotalMilliseconds:0.000} ms, p95 {ToolCallP95.TotalMilliseconds:0.000} ms; search p50 {SearchP50.TotalMilliseconds:0.000} ms
        """);
}
