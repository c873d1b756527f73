namespace FutureSim.Interop.Traces;

/// <summary>What the replay of one trace met, for the import report.</summary>
internal sealed record ReplayStatistics
{
    /// <summary>Forecasts the MCP server answered with "Prediction recorded".</summary>
    public int Accepted { get; init; }

    /// <summary><c>next_day</c> calls that ended a day.</summary>
    public int DaysAdvanced { get; init; }

    /// <summary>New sessions after the first (a restarted harness: a new MCP server, pending forecasts lost).</summary>
    public int Restarts { get; init; }

    /// <summary><c>next_day</c> replies "Expecting value": delivered without advancing the day.</summary>
    public int RetriedNextDays { get; init; }

    /// <summary><c>next_day</c> replies too large for the harness: the day advanced by one.</summary>
    public int OversizedReplies { get; init; }

    /// <summary>Accepted forecasts never delivered (made after a retried <c>next_day</c>, or pending at a restart).</summary>
    public int Lost { get; init; }

    /// <summary>Forecast-tool calls that never got a result.</summary>
    public int Unanswered { get; init; }

    /// <summary><c>submit_forecasts</c> calls whose arguments could not be read.</summary>
    public int UnreadableCalls { get; init; }
}
