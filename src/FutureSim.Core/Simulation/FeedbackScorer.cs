using System.Collections.Immutable;
using FutureSim.Core.Forecasts;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>Scores the forecast an agent held when a question resolved, for the feedback agents are shown (see <see cref="FeedbackScore"/>).</summary>
internal static class FeedbackScorer
{
    public static async ValueTask<FeedbackScore> ScoreAsync(Question question, Forecast? forecast, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var binary = question.Kind == QuestionKind.Binary;
        if (forecast is null || forecast.Outcomes.Count == 0)
        {
            return FeedbackScore.Abstained(binary);
        }

        if (binary)
        {
            var p = forecast.ProbabilityYes ?? 0.5;
            var yes = QuestionResolution.IsYes(question.Resolution.Answer);
            return new FeedbackScore(1 - ForecastScores.Brier(p, yes) / 0.25, p > 0.5 == yes && p != 0.5, FeedbackScore.BinaryFormula);
        }

        var matches = await MatchAsync(forecast.Outcomes, question.Resolution, matcher, cancellationToken);
        return new FeedbackScore(
            ForecastScores.FreeFormSkill(forecast.Outcomes, matches.Contains),
            ForecastScores.TopOneCorrect(forecast.Outcomes, matches.Contains),
            FeedbackScore.FreeFormFormula);
    }

    /// <summary>The outcome names that match the truth; an outcome equal to the truth string matches before the matcher is asked.</summary>
    public static async ValueTask<ImmutableHashSet<string>> MatchAsync(
        IEnumerable<KeyValuePair<string, double>> outcomes, QuestionResolution truth, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var matching = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (name, _) in outcomes)
        {
            if (await AnswerMatches.MatchesAsync(matcher, name, truth, cancellationToken))
            {
                matching.Add(name);
            }
        }

        return matching.ToImmutable();
    }
}
