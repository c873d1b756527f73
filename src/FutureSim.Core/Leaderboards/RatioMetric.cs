namespace FutureSim.Core.Leaderboards;

/// <summary>
/// The cells of one <see cref="LeaderboardMetric"/> for one leaderboard entry: <c>value = Scale · Σ num / Σ den</c>
/// (or <c>1 − Σ num / Σ den</c> for skill scores), so that every metric resamples the same way.
/// Cells are stored seed-major: cell (s, q) is at s · questions + q.
/// </summary>
internal sealed record RatioMetric(LeaderboardMetric Metric, double[] Numerators, double[] Denominators, double Scale)
{
    public double Evaluate(double numerator, double denominator) =>
        denominator == 0 ? double.NaN : Metric.OneMinus ? 1 - numerator / denominator : Scale * numerator / denominator;

    public double Point() => Evaluate(Numerators.Sum(), Denominators.Sum());
}
