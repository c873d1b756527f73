using FutureSim.Core.Statistics;

namespace FutureSim.Core.Tests.Statistics;

public sealed class QuantileTests
{
    private static readonly double[] Sorted = [10, 20, 30, 40];

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.5, 20)]
    [InlineData(0.51, 30)]
    [InlineData(0.99, 40)]
    [InlineData(1.0, 40)]
    public void TheNearestRankIsAMeasuredValue(double q, double expected) => Assert.Equal(expected, Quantile.NearestRank(Sorted, q));

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.5, 25)]
    [InlineData(0.025, 10.75)]
    [InlineData(1.0, 40)]
    public void TheInterpolatedQuantileIsHyndmanFanTypeSeven(double q, double expected) => Assert.Equal(expected, Quantile.Interpolated(Sorted, q), 12);

    [Fact]
    public void NoValuesHaveANearestRankOfZero() => Assert.Equal(0, Quantile.NearestRank([], 0.5));
}
