namespace FutureSim.Core.Leaderboards;

/// <summary>
/// A metric of one leaderboard entry written as a ratio of sums over its (seed, question) cells,
/// <c>value = Σ num / Σ den</c> (or <c>1 − Σ num / Σ den</c> for skill scores), so that means over all
/// questions, means over forecast questions and skill against a reference all resample the same way.
/// Cells are stored seed-major: cell (s, q) is at s · questions + q.
/// </summary>
internal sealed record RatioMetric(string Id, double[] Numerators, double[] Denominators, bool OneMinus)
{
    public double Evaluate(double numerator, double denominator) =>
        denominator == 0 ? double.NaN : OneMinus ? 1 - numerator / denominator : numerator / denominator;

    public double Point() => Evaluate(Numerators.Sum(), Denominators.Sum());
}
