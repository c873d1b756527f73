namespace FutureSim.Interop.Scoring;

/// <summary>
/// One day of one agent in FutureSim's leaderboard view: the means over seeds of the runs' daily
/// <c>brier_skill_score</c> and <c>top1_accuracy</c> (percent), and their bootstrap standard deviations over seeds and questions.
/// </summary>
public sealed record FutureSimAgentPoint(
    DateOnly Day, double BrierSkillScoreMean, double BrierSkillScoreStd, double Top1AccuracyMean, double Top1AccuracyStd, int SeedCount, int QuestionCount);
