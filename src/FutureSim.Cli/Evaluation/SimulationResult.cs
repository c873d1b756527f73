using FutureSim.Core.Scoring;

namespace FutureSim.Cli.Evaluation;

/// <summary>A finished run: its folder (manifest, events, leaderboard, daily metrics, model-call recordings) and its scores, recomputed from that folder.</summary>
public sealed record SimulationResult(string RunDirectory, ScoredRun Scores);
