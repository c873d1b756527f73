namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// A daily limit decided outside the conversation (wall time) ended the agent's day before a model
/// call could complete. The agent ends its day normally; the recording keeps the event so that a
/// replay ends the day at the same point.
/// </summary>
internal sealed class DayLimitReachedException(string message) : Exception(message);
