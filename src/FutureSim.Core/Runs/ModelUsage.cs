namespace FutureSim.Core.Runs;

/// <summary>
/// A model-driven agent's usage on one simulated day: answered model calls, input and output
/// tokens as the endpoint reported them, and the cost in US dollars from the agent's configured
/// prices per million tokens (0 when no prices are configured).
/// </summary>
public sealed record ModelUsage(DateOnly Day, int Calls, long InputTokens, long OutputTokens, double Cost);
