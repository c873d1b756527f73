using FutureSim.Core.Scoring;

namespace FutureSim.Core.Tests.Scoring;

public sealed class ForecastScoresTests
{
    private static Func<string, bool> Is(string truth) => outcome => outcome == truth;

    [Fact]
    public void NamingTheTruthAtThirtyPercentScoresFiftyOneHundredths() =>
        Assert.Equal(0.51, ForecastScores.FreeFormSkill(new Dictionary<string, double> { ["A"] = 0.3 }, Is("A")), 12);

    [Fact]
    public void MissingTheTruthAtThirtyPercentScoresMinusNineHundredths() =>
        Assert.Equal(-0.09, ForecastScores.FreeFormSkill(new Dictionary<string, double> { ["A"] = 0.3 }, Is("B")), 12);

    [Fact]
    public void SpreadingMassOverFourWrongAnswersScoresFutureSimsWorkedExample() =>
        Assert.Equal(
            -0.0059,
            ForecastScores.FreeFormSkill(new Dictionary<string, double> { ["A"] = .05, ["B"] = .04, ["C"] = .03, ["D"] = .03 }, Is("E")),
            12);

    [Fact]
    public void BrierSkillOfAbstainingIsZero() =>
        Assert.Equal(0, ForecastScores.FreeFormSkill(new Dictionary<string, double>(), Is("A")));

    [Fact]
    public void OnlyTheFirstMatchingOutcomeInProbabilityOrderCountsAsTheTruth()
    {
        // "a" (0.5) comes before "A" (0.2): it is the truth, "A" counts as a wrong outcome.
        var outcomes = new Dictionary<string, double> { ["A"] = 0.2, ["a"] = 0.5 };
        var score = ForecastScores.FreeFormSkill(outcomes, o => o.Equals("a", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1 - ((0.5 - 1) * (0.5 - 1) + 0.2 * 0.2), score, 12);
    }

    [Fact]
    public void BrierOfACertainCorrectForecastIsZero() => Assert.Equal(0, ForecastScores.Brier(1.0, resolvedYes: true));
}
