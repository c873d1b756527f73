using FutureSim.Core.Scoring;

namespace FutureSim.Core.Tests.Scoring;

public sealed class BinaryScoresTests
{
    [Fact]
    public void BrierOfSeventyPercentOnAnEventThatDidNotHappenIsFortyNineHundredths() =>
        Assert.Equal(0.49, ForecastScores.Brier(0.7, resolvedYes: false), 12);

    [Fact]
    public void LogScoreIsTheNaturalLogOfTheProbabilityGivenToWhatHappened()
    {
        Assert.Equal(Math.Log(0.7), ForecastScores.LogScore(0.7, resolvedYes: true), 12);
        Assert.Equal(Math.Log(0.3), ForecastScores.LogScore(0.7, resolvedYes: false), 12);
    }

    [Fact]
    public void LogScoreOfACertainWrongForecastIsClampedInsteadOfInfinite()
    {
        Assert.Equal(Math.Log(1e-4), ForecastScores.LogScore(0, resolvedYes: true), 12);
        Assert.Equal(Math.Log(1e-4), ForecastScores.LogScore(1, resolvedYes: false), 12);
        Assert.Equal(Math.Log(1 - 1e-4), ForecastScores.LogScore(1, resolvedYes: true), 12);
        Assert.Equal(Math.Log(0.01), ForecastScores.LogScore(0, resolvedYes: true, clamp: 0.01), 12);
    }

    [Theory]
    [InlineData(0.8, true, 1.0)]
    [InlineData(0.8, false, 0.0)]
    [InlineData(0.2, false, 1.0)]
    [InlineData(0.5, true, 0.5)]
    [InlineData(0.5, false, 0.5)]
    public void AccuracyAtOneHalfCreditsTheSideOfOneHalfThatHappened(double p, bool yes, double expected) =>
        Assert.Equal(expected, ForecastScores.AccuracyAtHalf(p, yes));

    [Fact]
    public void BrierSkillAgainstAReferenceIsOneMinusTheRatio()
    {
        // Brier .04 against the uniform reference .25 → .84; against a crowd at .7 on a Yes, (.3)² = .09 → 5/9.
        Assert.Equal(0.84, ForecastScores.BrierSkill(0.04, 0.25), 12);
        Assert.Equal(1 - (0.04 / 0.09), ForecastScores.BrierSkill(0.04, 0.09), 12);
        Assert.True(double.IsNaN(ForecastScores.BrierSkill(0.04, 0)));
    }
}
