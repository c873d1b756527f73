using System.Text;
using static FutureSim.Core.Scoring.Invariant;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Per-question scores on the run's last completed day (see <see cref="QuestionScore"/>): one row per agent
/// and question, ordered by agent then question id; outcomes as <c>name=p</c> pairs in FutureSim order.
/// </summary>
public static class QuestionScoresCsv
{
    public const string Header =
        "agent,question_id,kind,truth,resolved_on,forecast_day,outcomes,p_yes,brier,log_score,binary_accuracy,bss,top1_correct,truth_mass,top_probability,tw_score,tw_futuresim";

    private const int Decimals = 6;

    public static string Render(ScoredRun scores)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var agent in scores.Agents)
        {
            for (var q = 0; q < scores.Questions.Length; q++)
            {
                var s = agent.Questions[q];
                var outcomes = s.Outcomes is null
                    ? ""
                    : string.Join(';', ForecastScores.Ordered(s.Outcomes).Select(o => $"{o.Key}={Fixed(o.Value, Decimals)}"));
                csv.AppendJoin(',',
                    CsvField(agent.Agent), CsvField(s.QuestionId.Value), s.Kind.ToString(), CsvField(scores.Questions[q].Resolution.Answer),
                    s.ResolvedOn is { } resolved ? Day(resolved) : "", s.ForecastDay is { } day ? Day(day) : "", CsvField(outcomes),
                    Fixed(s.ProbabilityYes, Decimals), Fixed(s.Brier, Decimals), Fixed(s.LogScore, Decimals), Fixed(s.Accuracy, Decimals),
                    Fixed(s.Skill, Decimals), s.TopOneCorrect is { } top ? (top ? "1" : "0") : "", Fixed(s.TruthMass, Decimals),
                    Fixed(s.TopProbability, Decimals), Fixed(s.TimeWeighted, Decimals), Fixed(s.TimeWeightedFutureSim, Decimals)).Append('\n');
            }
        }

        return csv.ToString();
    }
}
