using System.Runtime.CompilerServices;
using FutureSim.Core.Statistics;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// Two-stage percentile bootstrap over seeds (runs) and questions: each resample draws the entry's seeds
/// with replacement and the questions with replacement, and recomputes every metric on the drawn cells.
/// The question draws are shared by all entries with the same question set, which makes differences
/// between entries paired on questions; seeds are drawn independently per entry.
/// </summary>
internal static class Bootstrap
{
    /// <summary>B rows of N question indices, drawn with replacement.</summary>
    // Hot loops, run once per process: fully optimised on the first call rather than at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] DrawQuestions(int questions, int resamples, ulong seed)
    {
        var random = new SplitMix64(seed);
        var draws = new int[questions * resamples];
        for (var i = 0; i < draws.Length; i++)
        {
            draws[i] = random.NextInt(questions);
        }

        return draws;
    }

    /// <summary>The replicate values of each metric: <c>[metric][resample]</c>, NaN where a resample leaves a metric undefined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] Replicate(IReadOnlyList<RatioMetric> metrics, int seeds, int questions, int[] questionDraws, int resamples, ulong seed)
    {
        var m = metrics.Count;

        // Interleave the cells so that one pass over the drawn cells sums every metric.
        var cells = new double[seeds * questions * 2 * m];
        for (var c = 0; c < seeds * questions; c++)
        {
            for (var k = 0; k < m; k++)
            {
                cells[(c * 2 * m) + (2 * k)] = metrics[k].Numerators[c];
                cells[(c * 2 * m) + (2 * k) + 1] = metrics[k].Denominators[c];
            }
        }

        var replicates = new double[m][];
        for (var k = 0; k < m; k++)
        {
            replicates[k] = new double[resamples];
        }

        var random = new SplitMix64(seed);
        var sums = new double[2 * m];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(sums);
            var draws = questionDraws.AsSpan(r * questions, questions);
            for (var s = 0; s < seeds; s++)
            {
                var row = (seeds == 1 ? 0 : random.NextInt(seeds)) * questions;
                foreach (var q in draws)
                {
                    var cell = cells.AsSpan((row + q) * 2 * m, 2 * m);
                    for (var k = 0; k < cell.Length; k++)
                    {
                        sums[k] += cell[k];
                    }
                }
            }

            for (var k = 0; k < m; k++)
            {
                replicates[k][r] = metrics[k].Evaluate(sums[2 * k], sums[(2 * k) + 1]);
            }
        }

        return replicates;
    }

    /// <summary>The point estimate with the central <paramref name="level"/> percentile interval of the defined replicates.</summary>
    public static Estimate? Interval(double point, double[] replicates, double level)
    {
        if (!double.IsFinite(point))
        {
            return null;
        }

        var sorted = replicates.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0
            ? new Estimate(point, null, null)
            : new Estimate(point, Quantile.Interpolated(sorted, (1 - level) / 2), Quantile.Interpolated(sorted, 1 - ((1 - level) / 2)));
    }

    /// <summary>
    /// The paired difference A − B with its interval and a two-sided bootstrap p-value
    /// <c>min(1, 2 (min(#{Δ* ≤ 0}, #{Δ* ≥ 0}) + 1) / (B + 1))</c>.
    /// </summary>
    public static (Estimate? Difference, double? PValue) Paired(double pointA, double[] a, double pointB, double[] b, double level)
    {
        var differences = new List<double>(a.Length);
        for (var r = 0; r < a.Length; r++)
        {
            if (double.IsFinite(a[r]) && double.IsFinite(b[r]))
            {
                differences.Add(a[r] - b[r]);
            }
        }

        var estimate = Interval(pointA - pointB, [.. differences], level);
        if (estimate is null || differences.Count == 0)
        {
            return (estimate, null);
        }

        var atMost = differences.Count(d => d <= 0);
        var atLeast = differences.Count(d => d >= 0);
        return (estimate, Math.Min(1, 2.0 * (Math.Min(atMost, atLeast) + 1) / (differences.Count + 1)));
    }
}
