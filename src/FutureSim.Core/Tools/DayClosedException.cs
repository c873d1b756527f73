namespace FutureSim.Core.Tools;

/// <summary>
/// A tool was called after the agent's day had ended (the agent called <c>next_day</c>, returned, or ran out of
/// time): the call did nothing. Adapters tell the agent to move on to the next day.
/// </summary>
public sealed class DayClosedException(string message) : Exception(message);
