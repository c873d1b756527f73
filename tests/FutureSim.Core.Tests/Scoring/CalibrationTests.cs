using FsCheck.Xunit;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Tests.Scoring;

public sealed class CalibrationTests
{
    // Four forecasts: .1 (no), .3 (yes), .7 (yes), .9 (no), two equal-width bins [0, .5) and [.5, 1].
    private static readonly double[] Forecasts = [0.1, 0.3, 0.7, 0.9];
    private static readonly bool[] Outcomes = [false, true, true, false];

    [Fact]
    public void ReliabilityBinsAndExpectedCalibrationErrorMatchAHandComputation()
    {
        var c = Calibration.Compute(Forecasts, Outcomes, 2, BinningScheme.EqualWidth);

        Assert.Equal(2, c.Bins.Length);
        Assert.Equal(new ReliabilityBin(0, 0.5, 2, 0.2, 0.5), c.Bins[0] with { MeanForecast = Math.Round(c.Bins[0].MeanForecast, 12) });
        Assert.Equal(0.8, c.Bins[1].MeanForecast, 12);

        // ECE = ½ |.5 − .2| + ½ |.5 − .8| = .3; sharpness = mean (p − .5)² = (.16 + .04 + .04 + .16) / 4 = .1.
        Assert.Equal(0.3, c.ExpectedCalibrationError, 12);
        Assert.Equal(0.1, c.Sharpness, 12);
    }

    [Fact]
    public void MurphyTermsMatchAHandComputation()
    {
        var c = Calibration.Compute(Forecasts, Outcomes, 2, BinningScheme.EqualWidth);

        // BS = (.01 + .49 + .09 + .81) / 4 = .35. REL = (.09 + .09) / 2 = .09, RES = 0, UNC = .25 → binned .34.
        // WBV = (.01 · 4) / 4 = .01; WBC = 2 · ((−.1)(−.5) + (.1)(.5) + (−.1)(.5) + (.1)(−.5)) / 4 = 0.
        Assert.Equal(0.35, c.Brier, 12);
        Assert.Equal(0.09, c.Reliability, 12);
        Assert.Equal(0, c.Resolution, 12);
        Assert.Equal(0.25, c.Uncertainty, 12);
        Assert.Equal(0.34, c.BinnedBrier, 12);
        Assert.Equal(0.01, c.WithinBinVariance, 12);
        Assert.Equal(0, c.WithinBinCovariance, 12);
    }

    [Fact]
    public void EqualCountBinsSplitTheSortedForecastsIntoGroupsOfNearlyEqualSize()
    {
        var c = Calibration.Compute([0.9, 0.1, 0.5, 0.3, 0.7], [true, false, true, false, true], 2, BinningScheme.EqualCount);

        Assert.Equal([3, 2], c.Bins.Select(b => b.Count));
        Assert.Equal((0.1, 0.5), (c.Bins[0].Lower, c.Bins[0].Upper));
        Assert.Equal((0.7, 0.9), (c.Bins[1].Lower, c.Bins[1].Upper));
    }

    [Fact]
    public void NoForecastsGiveAnEmptySummary()
    {
        var c = Calibration.Compute([], [], 10, BinningScheme.EqualCount);
        Assert.Equal(0, c.Count);
        Assert.Empty(c.Bins);
        Assert.Equal(0, c.ExpectedCalibrationError);
    }

    [Fact]
    public void EqualCountBinsKeepTiedForecastsTogetherWhateverTheirOutcomes()
    {
        // The uniform forecaster: 0.5 on ten questions, four of which resolved Yes. Bins cut by outcome would
        // report resolution where there is none.
        var forecasts = Enumerable.Repeat(0.5, 10).ToArray();
        bool[] outcomes = [true, false, false, true, false, false, true, false, true, false];

        var c = Calibration.Compute(forecasts, outcomes, 5, BinningScheme.EqualCount);

        Assert.Single(c.Bins);
        Assert.Equal(0, c.Resolution, 12);
        Assert.Equal(0.1, c.ExpectedCalibrationError, 12);
        Assert.Equal(0.01, c.Reliability, 12);
    }

    [Property]
    public bool EqualCountBinsDoNotDependOnTheOutcomesOfTiedForecasts(int[] raw, bool[] events, int seed)
    {
        var n = Math.Min(raw?.Length ?? 0, events?.Length ?? 0);
        var p = raw!.Take(n).Select(r => Math.Abs(r % 4) / 4.0).ToArray(); // few values: many ties
        var y = events!.Take(n).ToArray();

        // Shuffle the outcomes among forecasts that share a value: the bins must hold the same forecasts.
        var random = new Random(seed);
        var shuffled = (bool[])y.Clone();
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => p[i]))
        {
            var members = group.ToArray();
            var values = members.Select(i => y[i]).OrderBy(_ => random.Next()).ToArray();
            for (var k = 0; k < members.Length; k++)
            {
                shuffled[members[k]] = values[k];
            }
        }

        var a = Calibration.Compute(p, y, 3, BinningScheme.EqualCount);
        var b = Calibration.Compute(p, shuffled, 3, BinningScheme.EqualCount);
        return a.Bins.SequenceEqual(b.Bins) && a.Resolution == b.Resolution && a.ExpectedCalibrationError == b.ExpectedCalibrationError;
    }
}
