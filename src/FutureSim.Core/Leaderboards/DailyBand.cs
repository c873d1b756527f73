namespace FutureSim.Core.Leaderboards;

/// <summary>
/// A leaderboard entry's daily values with percentile bootstrap bands (see <see cref="DailyBands"/>): the
/// points are those of <see cref="DailyPoint"/>; null where the value is undefined that day.
/// </summary>
public sealed record DailyBand(DateOnly Day, Estimate? Skill, Estimate? Accuracy, Estimate? Brier);
