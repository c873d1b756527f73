using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>
/// The question documents: the list of a run's questions with every agent's final score, and one question with
/// every agent's forecasts over the simulated days and the articles that led to them.
/// </summary>
internal static class QuestionDocuments
{
    /// <summary>How many outcomes of a forecast a question page shows besides the truth.</summary>
    public const int TopOutcomes = 3;

    public static object List(RunSnapshot s)
    {
        var scores = s.Scores!;
        var resolved = Resolutions(s.Record!);
        return new
        {
            agents = scores.Agents.Select(a => a.Agent).ToArray(),
            questions = scores.Questions.Select((q, i) => new
            {
                id = q.Id.Value,
                title = q.Title,
                kind = Kind(q.Kind),
                set = q.QuestionSet,
                resolution_date = q.ResolutionDate.ToString("yyyy-MM-dd"),
                resolved_on = resolved.TryGetValue(q.Id, out var day) ? day.ToString("yyyy-MM-dd") : null,
                truth = q.Resolution.Answer,

                // Per agent: the score on the last completed day (binary: Brier, lower is better; otherwise BSS,
                // higher is better, 0 when abstaining) and the probability it gave the truth.
                scores = scores.Agents.Select(a => Final(q, a.Questions[i])).ToArray(),
            }).ToArray(),
        };
    }

    public static object Question(RunSnapshot s, int index, ArticleShelf? shelf)
    {
        var scores = s.Scores!;
        var question = scores.Questions[index];
        var resolved = Resolutions(s.Record!);
        var binaryTruth = question.Kind == QuestionKind.Binary
            ? string.Equals(question.Resolution.Answer, QuestionResolution.Yes, StringComparison.OrdinalIgnoreCase)
            : (bool?)null;
        return new
        {
            question = new
            {
                id = question.Id.Value,
                title = question.Title,
                background = question.Background,
                resolution_criteria = question.ResolutionCriteria,
                kind = Kind(question.Kind),
                answer_type = question.AnswerType,
                options = question.Options.ToArray(),
                opens_at = question.OpensAt,
                resolution_date = question.ResolutionDate.ToString("yyyy-MM-dd"),
                resolved_on = resolved.TryGetValue(question.Id, out var day) ? day.ToString("yyyy-MM-dd") : null,
                truth = question.Resolution.Answer,
                aliases = question.Resolution.Aliases.ToArray(),
                crowd = question.Crowd is { } crowd ? new { available_from = crowd.AvailableFrom, probability_yes = crowd.ProbabilityYes } : null,
                set = question.QuestionSet,
                origin = question.Origin,
                url = question.Url,
            },
            first_day = s.Record!.Days.IsEmpty ? null : s.Record.Days[0].ToString("yyyy-MM-dd"),
            last_day = s.Record.Days.IsEmpty ? null : s.Record.Days[^1].ToString("yyyy-MM-dd"),
            // Said only where articles would be shown: a run without retrievals (e.g. imported) needs no corpus.
            articles_note = scores.Agents.Any(a => s.Traces!.Evidence(a.Agent, question.Id).Count > 0) ? shelf?.Problem : null,
            agents = scores.Agents.Select(agent => new
            {
                agent = agent.Agent,
                final = Final(question, agent.Questions[index]),

                // One point per day with a forecast: the last submitted that day is the one held.
                points = agent.Forecasts[index]
                    .GroupBy(f => f.Day)
                    .Select(g => Point(g.Last(), binaryTruth))
                    .ToArray(),
                articles = s.Traces!.Evidence(agent.Agent, question.Id)
                    .GroupBy(a => a.Id)
                    .Select(g => new
                    {
                        id = g.Key.Value,
                        visible_at = g.First().VisibleAt,
                        title = shelf?.Find(g.Key)?.Title,
                        first_day = g.Min(a => a.Day).ToString("yyyy-MM-dd"),
                        times = g.Count(),
                        read = g.Any(a => a.Via == "read"),
                    })
                    .OrderBy(a => a.visible_at)
                    .ThenBy(a => a.id, StringComparer.Ordinal)
                    .ToArray(),
            }).ToArray(),
        };
    }

    public static string Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.Binary => "binary",
        QuestionKind.MultipleChoice => "multiple_choice",
        _ => "free_form",
    };

    private static Dictionary<QuestionId, DateOnly> Resolutions(RunRecord record) =>
        record.Events.OfType<QuestionResolved>().ToDictionary(r => r.QuestionId, r => r.Day);

    /// <summary>[score, p(truth), forecast day]: score and p(truth) null without a usable forecast (free-form score 0), the day null without any.</summary>
    private static object?[] Final(Question question, QuestionScore score) =>
    [
        ViewJson.Number(question.Kind == QuestionKind.Binary ? score.Brier : score.Skill),
        ViewJson.Number(ProbabilityOfTruth(question, score)),
        score.ForecastDay?.ToString("yyyy-MM-dd"),
    ];

    private static double? ProbabilityOfTruth(Question question, QuestionScore score)
    {
        if (!score.Forecast)
        {
            return null;
        }

        return question.Kind == QuestionKind.Binary
            ? string.Equals(question.Resolution.Answer, QuestionResolution.Yes, StringComparison.OrdinalIgnoreCase) ? score.ProbabilityYes : 1 - score.ProbabilityYes
            : score.TruthMass;
    }

    /// <summary>
    /// [day, p(truth), score, top outcomes [[name, p]…]]: p(truth) is the probability of the eventual truth (binary
    /// p(y); otherwise the mass on outcomes matching the truth), null with score for an unusable forecast.
    /// </summary>
    private static object?[] Point(ScoredForecast f, bool? binaryTruth) =>
    [
        f.Day.ToString("yyyy-MM-dd"),
        !f.Usable ? null : binaryTruth is { } yes ? ViewJson.Number(yes ? f.ProbabilityYes : 1 - f.ProbabilityYes) : ViewJson.Number(f.TruthMass),
        !f.Usable ? null : ViewJson.Number(binaryTruth is null ? f.Skill : f.Brier),
        ForecastScores.Ordered(f.Outcomes).Take(TopOutcomes).Select(o => new object?[] { o.Key, ViewJson.Number(o.Value) }).ToArray(),
    ];
}
