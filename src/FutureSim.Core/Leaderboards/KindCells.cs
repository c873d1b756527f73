using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// One entry's last-day scores on one kind of question laid out as (seed, question) cells of every metric of
/// the kind (<see cref="LeaderboardMetrics.Of"/>), ready for the bootstrap, plus the pooled forecast/outcome
/// pairs for calibration.
/// </summary>
internal sealed record KindCells(
    string Kind,
    string Signature,
    int Seeds,
    int Questions,
    int Forecast,
    IReadOnlyList<RatioMetric> Metrics,
    List<double> Probabilities,
    List<bool> Outcomes,
    int? CrowdQuestions,
    double? BaseRate)
{
    /// <summary>The cells of <paramref name="kind"/>, or null when the runs have no question of that kind.</summary>
    public static KindCells? Of(string kind, IReadOnlyList<(ScoredRun Run, AgentScores Scores)> seeds)
    {
        var run = seeds[0].Run;
        var binary = kind == LeaderboardMetric.BinaryKind;
        int[] questions = [.. Enumerable.Range(0, run.Questions.Length).Where(q => (run.Questions[q].Kind == QuestionKind.Binary) == binary)];
        if (questions.Length == 0)
        {
            return null;
        }

        var metrics = LeaderboardMetrics.Of(kind);
        var (s, n) = (seeds.Count, questions.Length);
        var baseRate = run.BinaryBaseRate ?? 0;
        var numerators = metrics.Select(_ => new double[s * n]).ToArray();
        var denominators = metrics.Select(_ => new double[s * n]).ToArray();
        var forecast = 0;
        var probabilities = new List<double>();
        var outcomes = new List<bool>();
        for (var i = 0; i < s; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var question = run.Questions[questions[j]];
                var score = seeds[i].Scores.Questions[questions[j]];
                var yes = binary && QuestionResolution.IsYes(question.Resolution.Answer);
                if (binary && (!score.Forecast || score.ProbabilityYes is null))
                {
                    continue; // an abstention counts in no binary metric
                }

                forecast += score.Forecast ? 1 : 0;
                if (score.Forecast && (binary ? score.ProbabilityYes : score.TopProbability) is { } p)
                {
                    probabilities.Add(p);
                    outcomes.Add(binary ? yes : score.TopOneCorrect == true);
                }

                var cell = new MetricCell(score, question, yes, baseRate);
                for (var k = 0; k < metrics.Length; k++)
                {
                    (numerators[k][(i * n) + j], denominators[k][(i * n) + j]) = metrics[k].Cell(cell);
                }
            }
        }

        var ratios = metrics.Select((m, k) => new RatioMetric(m, numerators[k], denominators[k], m.SumOverQuestions ? n : 1)).ToArray();
        return new KindCells(
            kind, ConfigurationKey.Signature(questions.Select(q => run.Questions[q].Id)), s, n, forecast, ratios, probabilities, outcomes,
            binary ? questions.Count(q => run.Questions[q].Crowd is not null) : null, binary ? baseRate : null);
    }
}
