using FsCheck.Xunit;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tests.TestData;

namespace FutureSim.Core.Tests.Scoring;

/// <summary>Properties of the scoring rules over generated probabilities (integers mapped to a grid on [0, 1]).</summary>
public sealed class ScoringProperties
{
    private static double Probability(int raw, int grid = 1000) => (double)(Math.Abs((long)raw) % (grid + 1)) / grid;

    [Property]
    public bool BrierScoreIsProperTheExpectedScoreIsLowestAtTheTrueProbability(int truth, int report)
    {
        var q = Probability(truth);
        var p = Probability(report);
        static double Expected(double q, double p) => (q * ForecastScores.Brier(p, true)) + ((1 - q) * ForecastScores.Brier(p, false));
        return Expected(q, q) <= Expected(q, p) + 1e-15;
    }

    [Property]
    public bool LogScoreIsProperTheExpectedScoreIsHighestAtTheTrueProbability(int truth, int report)
    {
        // True probabilities inside the clamp, where the clipped rule is still strictly proper.
        var q = 0.001 + (0.998 * Probability(truth));
        var p = Probability(report);
        static double Expected(double q, double p) => (q * ForecastScores.LogScore(p, true)) + ((1 - q) * ForecastScores.LogScore(p, false));
        return Expected(q, q) >= Expected(q, p) - 1e-12;
    }

    [Property]
    public bool BrierSkillOfAbstainingIsZeroWhateverTheTruth(string truth) =>
        ForecastScores.FreeFormSkill(new Dictionary<string, double>(), o => o == truth) == 0;

    /// <summary>
    /// Scored by the product end to end (run record, scorer, leaderboard): an agent that forecasts the crowd's
    /// probability on every binary question has zero skill against the crowd, and one that forecasts 0.5 has zero
    /// skill against the uniform reference, whatever the probabilities and outcomes.
    /// </summary>
    [Property(MaxTest = 30)]
    public bool BrierSkillOfForecastingTheReferenceIsZero(int[] crowd, bool[] outcomes)
    {
        var n = Math.Max(1, Math.Min(crowd?.Length ?? 0, outcomes?.Length ?? 0));
        var run = new RunBuilder(days: 3).Agent("crowd-copier").Agent("uniform");
        for (var i = 0; i < n; i++)
        {
            var p = 0.01 + (0.98 * Probability(crowd is { Length: > 0 } ? crowd[i % crowd.Length] : 0));
            var id = $"B{i}";
            run.Binary(id, yes: outcomes is { Length: > 0 } && outcomes[i % outcomes.Length], resolvesOn: 2, crowd: p)
                .Forecast("crowd-copier", id, 0, ("Yes", p))
                .Forecast("uniform", id, 0, ("Yes", 0.5));
        }

        var scored = RunScorer.ScoreAsync(run.Record(), NormalisingAnswerMatcher.Instance, ScoringOptions.Default, CancellationToken.None).GetAwaiter().GetResult();
        var board = Leaderboard.Build([scored], LeaderboardOptions.Default with { Resamples = 1 });
        var copier = board.Entries.Single(e => e.Agent == "crowd-copier").Binary!;
        var uniform = board.Entries.Single(e => e.Agent == "uniform").Binary!;
        return Math.Abs(copier[LeaderboardMetrics.SkillVsCrowd]!.Value) < 1e-12 && Math.Abs(uniform[LeaderboardMetrics.SkillVsUniform]!.Value) < 1e-12;
    }

    [Property]
    public bool FreeFormSkillDoesNotDependOnTheOrderOutcomesAreGivenIn(int[] raw, int seed)
    {
        var outcomes = (raw ?? []).Take(5).Select((r, i) => ($"o{i % 3}{i}", Probability(r) / 5)).ToList();
        var random = new Random(seed);
        var shuffled = outcomes.OrderBy(_ => random.Next()).ToList();
        bool Truth(string o) => o.StartsWith("o1", StringComparison.Ordinal);
        return ForecastScores.FreeFormSkill(outcomes.ToDictionary(o => o.Item1, o => o.Item2), Truth)
            == ForecastScores.FreeFormSkill(shuffled.ToDictionary(o => o.Item1, o => o.Item2), Truth);
    }

    [Property]
    public bool TheMurphyDecompositionIsExactForAnyBinning(int[] raw, bool[] events, int bins, bool equalCount)
    {
        var n = Math.Min(raw?.Length ?? 0, events?.Length ?? 0);
        var p = raw!.Take(n).Select(r => Probability(r, 20)).ToList();
        var y = events!.Take(n).ToList();
        var k = 1 + (Math.Abs(bins % 12));
        var c = Calibration.Compute(p, y, k, equalCount ? BinningScheme.EqualCount : BinningScheme.EqualWidth);

        var binned = 0.0;
        var index = 0;
        var sorted = equalCount ? Enumerable.Range(0, n).OrderBy(i => p[i]).ThenBy(i => i).ToList() : null;
        foreach (var bin in c.Bins)
        {
            // Brier of the bin means, computed independently of the decomposition.
            var members = equalCount
                ? sorted!.Skip(index).Take(bin.Count).ToList()
                : Enumerable.Range(0, n).Where(i => Math.Clamp((int)Math.Floor(p[i] * k), 0, k - 1) == (int)Math.Round(bin.Lower * k)).ToList();
            index += bin.Count;
            binned += members.Sum(i => Math.Pow(bin.MeanForecast - (y[i] ? 1 : 0), 2));
        }

        binned = n > 0 ? binned / n : 0;
        return Math.Abs(c.Brier - (c.Reliability - c.Resolution + c.Uncertainty + c.WithinBinVariance - c.WithinBinCovariance)) < 1e-12
            && Math.Abs(c.BinnedBrier - binned) < 1e-12
            && c.Bins.Sum(b => b.Count) == n;
    }
}
