using System.Text;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Scoring;

/// <summary>
/// <c>daily_metrics.csv</c>: one row per completed day and agent (by date, then agent ordinal), numbers with
/// 6 decimals, empty where undefined. Columns — <c>questions</c>/<c>forecast</c>: all questions and those
/// with a forecast held; <c>brier</c>, <c>log_score</c>, <c>binary_accuracy</c>: means over binary
/// questions with a forecast of (p − y)², clipped ln p(outcome) and accuracy at 0.5;
/// <c>bss_all</c>: Σ BSS over ALL free-form questions / their number (never forecast = 0) — FutureSim's daily
/// aggregation, but each forecast matched by this run's answer matcher (<see cref="ForecastScores.FreeForm"/>), so it
/// is not FutureSim's own number, which also matches by FutureSim's rule (the exact truth string first, then its
/// judge's verdicts) and is <c>brier_skill_score</c> in <c>futuresim-runs.json</c>; <c>bss_forecast_only</c>: the same over forecast questions; <c>accuracy</c>: top-1 correct
/// / all free-form questions; <c>truth_mass</c>: mean over all free-form questions; <c>tw_score</c>: mean
/// over all free-form questions of the time-weighted score accumulated so far.
/// </summary>
public static class DailyMetricsCsv
{
    public const string Header =
        "date,agent,questions,forecast,resolved,submissions,refusals,agent_failures,binary_questions,binary_forecast,brier,log_score,binary_accuracy,"
        + "free_form_questions,free_form_forecast,bss_all,bss_forecast_only,accuracy,truth_mass,tw_score";

    private const int Decimals = 6;

    /// <summary>The whole file, header included, with "\n" line ends.</summary>
    public static string Render(ScoredRun scores)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var rows = scores.Agents
            .SelectMany(a => a.Daily.Select(d => (a.Agent, Day: d)))
            .OrderBy(r => r.Day.Day)
            .ThenBy(r => r.Agent, StringComparer.Ordinal);
        foreach (var (agent, d) in rows)
        {
            csv.AppendJoin(',',
                Invariant.Day(d.Day), CsvField(agent), Number(d.BinaryQuestions + d.FreeFormQuestions), Number(d.BinaryForecast + d.FreeFormForecast),
                Number(d.Resolved), Number(d.Submissions), Number(d.Refusals), Number(d.Failures),
                Number(d.BinaryQuestions), Number(d.BinaryForecast), Fixed(d.Brier, Decimals), Fixed(d.LogScore, Decimals), Fixed(d.BinaryAccuracy, Decimals),
                Number(d.FreeFormQuestions), Number(d.FreeFormForecast), Fixed(d.Skill, Decimals), Fixed(d.SkillOverForecast, Decimals),
                Fixed(d.Accuracy, Decimals), Fixed(d.TruthMass, Decimals), Fixed(d.TimeWeighted, Decimals)).Append('\n');
        }

        return csv.ToString();
    }
}
