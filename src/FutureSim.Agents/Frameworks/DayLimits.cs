namespace FutureSim.Agents.Frameworks;

/// <summary>The per-day limits of an agent driven through a framework's function calling; 0 switches a limit off.</summary>
internal sealed record DayLimits(int MaxToolCallsPerDay = 100, int MaxModelCallsPerDay = 50, long MaxTokensPerDay = 0)
{
    public static DayLimits Default { get; } = new();
}
