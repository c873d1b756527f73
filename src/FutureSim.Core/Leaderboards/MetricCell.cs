using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// What a <see cref="LeaderboardMetric"/> sees of one (seed, question) cell: the agent's score on the question,
/// the question, whether it resolved Yes (binary), and the question set's binary base rate.
/// </summary>
public readonly record struct MetricCell(QuestionScore Score, Question Question, bool Yes, double BaseRate);
