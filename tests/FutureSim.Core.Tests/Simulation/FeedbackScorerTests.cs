using System.Collections.Immutable;
using FutureSim.Core.Forecasts;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.TestKit;

namespace FutureSim.Core.Tests.Simulation;

public sealed class FeedbackScorerTests
{
    [Fact]
    public async Task ABinaryTruthIsReadAsScoringReadsItWhateverItsCase()
    {
        // Scoring reads "yes" as Yes (QuestionResolution.BinaryTruth); the feedback an agent is shown must agree.
        var question = FutureSim.TestKit.TestData.Binary("b", "2026-01-01", "2026-01-05", yes: true) with { Resolution = new QuestionResolution { Answer = "yes" } };
        var forecast = new Forecast(question.Id, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(QuestionResolution.Yes, 0.9)]));

        var score = await FeedbackScorer.ScoreAsync(question, forecast, NormalisingAnswerMatcher.Instance, CancellationToken.None);

        Assert.Equal(1 - (ForecastScores.Brier(0.9, true) / 0.25), score.Value, 12);
        Assert.True(score.TopOneCorrect);
    }
}
