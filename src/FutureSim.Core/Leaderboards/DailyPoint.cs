namespace FutureSim.Core.Leaderboards;

/// <summary>
/// A leaderboard entry's daily curve: on each day, the mean over its seeds of FutureSim's daily value
/// (free-form BSS over all questions), free-form top-1 accuracy and the binary Brier score.
/// </summary>
public sealed record DailyPoint(DateOnly Day, double? Skill, double? Accuracy, double? Brier);
