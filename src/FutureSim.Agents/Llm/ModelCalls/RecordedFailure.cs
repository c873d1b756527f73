namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>A recorded model call that ended without a response: <see cref="Endpoint"/> (the endpoint stayed down) or <see cref="DayLimit"/> (a daily limit ended the day).</summary>
internal sealed record RecordedFailure(string Kind, string Message)
{
    public const string Endpoint = "endpoint";
    public const string DayLimit = "day_limit";
}
