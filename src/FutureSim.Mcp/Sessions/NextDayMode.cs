namespace FutureSim.Mcp.Sessions;

/// <summary>What <c>next_day</c> does for a client.</summary>
internal enum NextDayMode
{
    /// <summary>Ends the day and blocks until the runner has stepped; returns the next morning's feedback (FutureSim's behaviour).</summary>
    WaitForNextDay,

    /// <summary>Ends the day and returns at once, telling the client to stop: a fresh process is started for the next day.</summary>
    EndAndStop,
}
