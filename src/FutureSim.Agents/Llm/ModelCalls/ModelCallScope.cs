namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// The simulated day an agent's model calls belong to and when (wall time) that day began. The agent
/// sets it at the start of each day; the decorators of its chat client read it to file usage and
/// recordings under the day and to enforce the daily wall-time limit. One per agent.
/// </summary>
internal sealed class ModelCallScope(TimeProvider timeProvider)
{
    private long startedAt = timeProvider.GetTimestamp();

    public DateOnly Day { get; private set; }

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>Wall time spent in the current day.</summary>
    public TimeSpan Elapsed => timeProvider.GetElapsedTime(startedAt);

    public void BeginDay(DateOnly day)
    {
        Day = day;
        startedAt = timeProvider.GetTimestamp();
    }
}
