using System.Collections.Immutable;

namespace FutureSim.Interop.Traces;

/// <summary>What replaying the MCP server's day state machine over one run's trace gives.</summary>
internal sealed record ReplayedTrace
{
    /// <summary>Every delivered forecast in delivery order (the last per day and question).</summary>
    public required ImmutableArray<DeliveredForecast> Delivered { get; init; }

    /// <summary>Forecasts the MCP server refused.</summary>
    public required ImmutableArray<TraceRefusal> Refusals { get; init; }

    /// <summary><c>next_day</c> replies that advanced the day, in order (they carry the results of resolved questions).</summary>
    public required ImmutableArray<NextDayReply> Replies { get; init; }

    public required ReplayStatistics Statistics { get; init; }

    /// <summary>Days the visible trace never delivered because the day jumped past them (another process delivered them).</summary>
    public required ImmutableArray<DateOnly> SkippedDays { get; init; }

    /// <summary>Days on which sub-agents were launched in the background (their forecasts are invisible in the trace).</summary>
    public required ImmutableArray<DateOnly> BackgroundLaunchDays { get; init; }
}
