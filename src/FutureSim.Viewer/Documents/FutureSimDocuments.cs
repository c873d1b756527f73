using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Interop.Scoring;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>
/// FutureSim's own view of runs imported from it, beside ours: where each run came from, and its daily
/// <c>brier_skill_score</c> and <c>top1_accuracy</c> by FutureSim's convention — per run, and per agent over its
/// seeds with their bootstrap standard deviations (the numbers of <c>futuresim-leaderboard.json</c>).
/// </summary>
internal static class FutureSimDocuments
{
    /// <summary>How the metrics are computed, as the pages say it.</summary>
    public const string Convention =
        "FutureSim's brier_skill_score and top1_accuracy (%): each day, Σ over all the run's free-form questions / their number — "
        + "a resolved question scores the last forecast made before it resolved, an open one the forecast held that day, "
        + "one never forecast 0 — with FutureSim's matching (the run's recorded judge verdicts, else the configured matcher).";

    public static object Run(RunSnapshot s, ImmutableArray<FutureSimRunScores> scores) => new
    {
        convention = Convention,
        provenance = Provenance(s.Manifest!.ImportedFrom),
        runs = scores.Select(r => new
        {
            agent = r.Agent,
            agent_name = r.AgentName,
            seed = r.SeedLabel,
            official_run_id = r.OfficialRunId,
            questions = r.Questions.Length,
            daily = r.Daily.Select(d => new object?[] { d.Day.ToString("yyyy-MM-dd"), ViewJson.Number(d.BrierSkillScore), ViewJson.Number(d.Top1Accuracy) }).ToArray(),
        }).ToArray(),
    };

    public static object Combined(FutureSimLeaderboard board) => new
    {
        convention = Convention,
        resamples = board.Resamples,
        agents = board.Agents.Select(a => new
        {
            slug = a.AgentSlug,
            name = a.AgentName,
            seeds = a.SeedCount,

            // [day, brier_skill_score mean, its std, top1_accuracy mean, its std]
            points = a.Points.Select(p => new object?[]
            {
                p.Day.ToString("yyyy-MM-dd"), ViewJson.Number(p.BrierSkillScoreMean), ViewJson.Number(p.BrierSkillScoreStd),
                ViewJson.Number(p.Top1AccuracyMean), ViewJson.Number(p.Top1AccuracyStd),
            }).ToArray(),
        }).ToArray(),
        runs = board.Runs.Select(r => new
        {
            run = r.RunId,
            agent = FutureSimLeaderboard.Slug(r),
            seed = r.SeedLabel,
            official_run_id = r.OfficialRunId,
            brier_skill_score = r.Daily.IsEmpty ? null : ViewJson.Number(r.Daily[^1].BrierSkillScore),
            top1_accuracy = r.Daily.IsEmpty ? null : ViewJson.Number(r.Daily[^1].Top1Accuracy),
        }).ToArray(),
    };

    public static object? Provenance(RunProvenance? provenance) => provenance is null ? null : new
    {
        format = provenance.Format,
        commit = provenance.Commit,
        sha256 = provenance.Sha256,
        files = provenance.Files,
        details = provenance.Details,
    };
}
