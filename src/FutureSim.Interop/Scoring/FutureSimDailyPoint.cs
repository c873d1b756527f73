namespace FutureSim.Interop.Scoring;

/// <summary>
/// One day of FutureSim's own metrics for one run: <c>brier_skill_score</c> and <c>top1_accuracy</c> (percent),
/// each Σ over all of the run's free-form questions of the question's value that day, divided by their number.
/// </summary>
public sealed record FutureSimDailyPoint(DateOnly Day, double BrierSkillScore, double Top1Accuracy);
