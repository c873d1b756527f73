namespace FutureSim.Core.Simulation;

/// <summary>
/// What "now" means on a simulated day: agents act at the end of day D (UTC), so everything that
/// arrived during D is visible and nothing of D + 1 is. A bare date given to the offline search means
/// the same instant.
/// </summary>
public static class SimulatedTime
{
    /// <summary>The last tick of <paramref name="day"/> in UTC.</summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);

    /// <summary>Midnight UTC at the start of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The UTC calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
