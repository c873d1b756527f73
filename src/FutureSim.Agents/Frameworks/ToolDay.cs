using FutureSim.Core.Tools;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// The simulated day a framework agent's tools act on, and how that day ends: <c>next_day</c>, a used-up
/// limit, or the harness closing it. The agent begins it with the day's tools; the framework-native
/// functions (<see cref="ForecastingFunction"/>) and the chat client under the framework
/// (<see cref="ToolDayChatClient"/>) read and end it. One agent acts one day at a time, and a framework
/// calls its functions one at a time, so the counters need no lock; <see cref="Ending"/> is published
/// with a volatile write because a day abandoned by the harness may still be unwinding on another thread.
/// </summary>
internal sealed class ToolDay(DayLimits limits, Func<DateOnly, long>? tokensOn = null)
{
    private IForecastingTools? tools;
    private volatile string? ending;
    private int toolCalls;
    private int modelCalls;

    public DayLimits Limits => limits;

    /// <summary>Why the day ended, or null while it goes on.</summary>
    public string? Ending => ending;

    public bool HasEnded => ending is not null;

    /// <summary>The tools of the day in progress.</summary>
    public IForecastingTools Tools => tools ?? throw new InvalidOperationException("No simulated day is in progress: the forecasting tools work only while the simulation runs the agent's day.");

    public void Begin(IForecastingTools today)
    {
        tools = today;
        toolCalls = 0;
        modelCalls = 0;
        ending = null;
    }

    /// <summary>Ends the day for <paramref name="reason"/>; the first reason given stands.</summary>
    public void End(string reason) => Interlocked.CompareExchange(ref ending, reason, null);

    /// <summary>Counts a tool call, or ends the day when the daily tool-call limit is used up.</summary>
    public bool TryStartToolCall()
    {
        if (limits.MaxToolCallsPerDay > 0 && toolCalls >= limits.MaxToolCallsPerDay)
        {
            End($"tool call limit ({limits.MaxToolCallsPerDay}) reached");
            return false;
        }

        toolCalls++;
        return true;
    }

    /// <summary>Counts a model call, or ends the day when the model-call or token limit is used up.</summary>
    public bool TryStartModelCall()
    {
        if (HasEnded)
        {
            return false;
        }

        if (limits.MaxModelCallsPerDay > 0 && modelCalls >= limits.MaxModelCallsPerDay)
        {
            End($"model call limit ({limits.MaxModelCallsPerDay}) reached");
            return false;
        }

        if (limits.MaxTokensPerDay > 0 && tokensOn is not null && tokensOn(Tools.Today) >= limits.MaxTokensPerDay)
        {
            End($"token limit ({limits.MaxTokensPerDay}) reached");
            return false;
        }

        modelCalls++;
        return true;
    }
}
