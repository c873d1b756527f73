namespace FutureSim.Mcp.Harness;

/// <summary>How long one launch of an agent's command lives.</summary>
public enum ChildLifetime
{
    /// <summary>One process per simulated day: <c>next_day</c> ends the day and the process is told to stop (and stopped).</summary>
    Day,

    /// <summary>One process for as long as it keeps running: <c>next_day</c> blocks until the next day and returns its morning feedback; a process that exits is started again the next day.</summary>
    Run,
}
