using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// One entry's last-day scores on one kind of question laid out as (seed, question) cells, ready for the
/// bootstrap, plus the pooled forecast/outcome pairs for calibration.
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
    int CrowdQuestions,
    double BaseRate)
{
    public const string FreeFormKind = "free_form";
    public const string BinaryKind = "binary";

    public RatioMetric this[string id] => Metrics.First(m => m.Id == id);

    /// <summary>Free-form and multiple-choice cells, or null when the runs have no such question.</summary>
    public static KindCells? FreeForm(IReadOnlyList<(RunScores Run, AgentScores Scores)> seeds)
    {
        var questions = Select(seeds[0].Run, binary: false);
        if (questions.Length == 0)
        {
            return null;
        }

        var (s, n) = (seeds.Count, questions.Length);
        double[] skill = new double[s * n], forecast = new double[s * n], skillForecast = new double[s * n],
            top = new double[s * n], mass = new double[s * n], weighted = new double[s * n], one = new double[s * n];
        var probabilities = new List<double>();
        var outcomes = new List<bool>();
        for (var i = 0; i < s; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var c = (i * n) + j;
                var score = seeds[i].Scores.Questions[questions[j]];
                one[c] = 1;
                forecast[c] = score.Forecast ? 1 : 0;
                skill[c] = score.Skill ?? 0;
                skillForecast[c] = score.Forecast ? skill[c] : 0;
                top[c] = score.TopOneCorrect == true ? 1 : 0;
                mass[c] = score.TruthMass ?? 0;
                weighted[c] = score.TimeWeighted ?? 0;
                if (score is { Forecast: true, TopProbability: { } p })
                {
                    probabilities.Add(p);
                    outcomes.Add(score.TopOneCorrect == true);
                }
            }
        }

        RatioMetric[] metrics =
        [
            new("bss", skill, one, false),
            new("bss_forecast", skillForecast, forecast, false),
            new("accuracy", top, one, false),
            new("truth_mass", mass, one, false),
            new("tw_score", weighted, one, false),
        ];
        return new KindCells(FreeFormKind, SignatureOf(seeds[0].Run, questions), s, n, (int)forecast.Sum(), metrics, probabilities, outcomes, 0, 0);
    }

    /// <summary>Binary cells, or null when the runs have no binary question.</summary>
    public static KindCells? Binary(IReadOnlyList<(RunScores Run, AgentScores Scores)> seeds)
    {
        var run = seeds[0].Run;
        var questions = Select(run, binary: true);
        if (questions.Length == 0)
        {
            return null;
        }

        var (s, n) = (seeds.Count, questions.Length);
        var baseRate = run.BinaryBaseRate ?? 0;
        double[] forecast = new double[s * n], brier = new double[s * n], log = new double[s * n], accuracy = new double[s * n],
            uniform = new double[s * n], baseline = new double[s * n], crowdBrier = new double[s * n], crowd = new double[s * n];
        var probabilities = new List<double>();
        var outcomes = new List<bool>();
        for (var i = 0; i < s; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var c = (i * n) + j;
                var question = run.Questions[questions[j]];
                var score = seeds[i].Scores.Questions[questions[j]];
                if (!score.Forecast || score.ProbabilityYes is not { } p)
                {
                    continue;
                }

                var yes = RunEventLog.BinaryTruth(question.Resolution.Answer) == true;
                var y = yes ? 1.0 : 0.0;
                forecast[c] = 1;
                brier[c] = score.Brier ?? 0;
                log[c] = score.LogScore ?? 0;
                accuracy[c] = score.Accuracy ?? 0;
                uniform[c] = ForecastScores.Brier(0.5, yes);
                baseline[c] = (baseRate - y) * (baseRate - y);
                if (question.Crowd is { } market)
                {
                    crowdBrier[c] = brier[c];
                    crowd[c] = ForecastScores.Brier(market.ProbabilityYes, yes);
                }

                probabilities.Add(p);
                outcomes.Add(yes);
            }
        }

        RatioMetric[] metrics =
        [
            new("brier", brier, forecast, false),
            new("log_score", log, forecast, false),
            new("accuracy", accuracy, forecast, false),
            new("bss_uniform", brier, uniform, true),
            new("bss_base_rate", brier, baseline, true),
            new("bss_crowd", crowdBrier, crowd, true),
        ];
        var crowdQuestions = questions.Count(q => run.Questions[q].Crowd is not null);
        return new KindCells(BinaryKind, SignatureOf(run, questions), s, n, (int)forecast.Sum(), metrics, probabilities, outcomes, crowdQuestions, baseRate);
    }

    private static int[] Select(RunScores run, bool binary) =>
        [.. Enumerable.Range(0, run.Questions.Length).Where(q => (run.Questions[q].Kind == QuestionKind.Binary) == binary)];

    private static string SignatureOf(RunScores run, int[] questions) => ConfigurationKey.Signature(questions.Select(q => run.Questions[q].Id));
}
