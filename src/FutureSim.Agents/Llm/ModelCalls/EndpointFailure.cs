namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>One failed attempt at a model call: what went wrong, whether trying again may help, and how long the server asked to wait.</summary>
internal sealed record EndpointFailure(string Description, bool Transient, TimeSpan? RetryAfter, Exception? Exception);
