namespace FutureSim.Core.Runs;

/// <summary>
/// The simulated calendar of a run (design §4). Day 0 is <see cref="Start"/> minus
/// <see cref="LookbackDays"/>; the clock then steps <see cref="StepDays"/> at a time up to and
/// including <see cref="End"/>.
/// </summary>
public sealed record SimulationSettings
{
    public required DateOnly Start { get; init; }

    public required DateOnly End { get; init; }

    public int StepDays { get; init; } = 1;

    public int LookbackDays { get; init; }

    /// <summary>How many agents act at once.</summary>
    public int MaxConcurrentAgents { get; init; } = 4;

    /// <summary>The default of <see cref="AgentDayTimeout"/>, for runs and for the <c>Simulation:AgentDayTimeout</c> setting alike.</summary>
    public static readonly TimeSpan DefaultAgentDayTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long one agent may take for one day (wall time) before its day is recorded as a timeout.</summary>
    public TimeSpan AgentDayTimeout { get; init; } = DefaultAgentDayTimeout;

    public DateOnly FirstDay => Start.AddDays(-LookbackDays);

    /// <summary>The simulated days, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = FirstDay; day <= End; day = day.AddDays(StepDays))
        {
            yield return day;
        }
    }
}
