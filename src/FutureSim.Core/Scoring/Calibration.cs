using System.Collections.Immutable;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Reliability bins, expected calibration error, sharpness and the Murphy decomposition of probability
/// forecasts of binary events. Free-form questions are calibrated through their top outcome: p = its
/// probability, y = whether it matched the truth.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// Bins the forecasts and decomposes their Brier score. Forecasts that share a bin with different values
    /// make the textbook identity BS = REL − RES + UNC inexact; the within-bin variance and covariance terms
    /// (Stephenson, Coelho and Jolliffe, 2008) restore it exactly — see <see cref="CalibrationSummary"/>.
    /// </summary>
    /// <param name="forecasts">Probabilities in [0, 1].</param>
    /// <param name="outcomes">Whether each event happened; the same length as <paramref name="forecasts"/>.</param>
    /// <param name="bins">K ≥ 1.</param>
    /// <param name="scheme">Equal-width or equal-count bins.</param>
    public static CalibrationSummary Compute(IReadOnlyList<double> forecasts, IReadOnlyList<bool> outcomes, int bins, BinningScheme scheme)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (forecasts.Count != outcomes.Count)
        {
            throw new ArgumentException("There must be one outcome per forecast.", nameof(outcomes));
        }

        var n = forecasts.Count;
        var groups = scheme == BinningScheme.EqualWidth ? EqualWidth(forecasts, bins) : EqualCount(forecasts, bins);
        double meanP = 0, meanY = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            var y = outcomes[i] ? 1.0 : 0.0;
            meanP += forecasts[i];
            meanY += y;
            brier += (forecasts[i] - y) * (forecasts[i] - y);
        }

        if (n > 0)
        {
            meanP /= n;
            meanY /= n;
            brier /= n;
        }

        double sharpness = 0, ece = 0, rel = 0, res = 0, wbv = 0, wbc = 0;
        var reliabilityBins = ImmutableArray.CreateBuilder<ReliabilityBin>();
        foreach (var (lower, upper, members) in groups)
        {
            if (members.Count == 0)
            {
                continue;
            }

            double binP = 0, binY = 0;
            foreach (var i in members)
            {
                binP += forecasts[i];
                binY += outcomes[i] ? 1 : 0;
            }

            binP /= members.Count;
            binY /= members.Count;
            foreach (var i in members)
            {
                var dp = forecasts[i] - binP;
                wbv += dp * dp;
                wbc += 2 * dp * ((outcomes[i] ? 1 : 0) - binY);
            }

            ece += members.Count * Math.Abs(binY - binP);
            rel += members.Count * (binP - binY) * (binP - binY);
            res += members.Count * (binY - meanY) * (binY - meanY);
            reliabilityBins.Add(new ReliabilityBin(lower ?? forecasts[members[0]], upper ?? forecasts[members[^1]], members.Count, binP, binY));
        }

        for (var i = 0; i < n; i++)
        {
            sharpness += (forecasts[i] - meanP) * (forecasts[i] - meanP);
        }

        double PerForecast(double sum) => n > 0 ? sum / n : 0;
        return new CalibrationSummary
        {
            Scheme = scheme,
            BinCount = bins,
            Count = n,
            Bins = reliabilityBins.ToImmutable(),
            ExpectedCalibrationError = PerForecast(ece),
            Sharpness = PerForecast(sharpness),
            Brier = brier,
            Reliability = PerForecast(rel),
            Resolution = PerForecast(res),
            Uncertainty = meanY * (1 - meanY),
            WithinBinVariance = PerForecast(wbv),
            WithinBinCovariance = PerForecast(wbc),
        };
    }

    private static List<(double? Lower, double? Upper, List<int> Members)> EqualWidth(IReadOnlyList<double> forecasts, int bins)
    {
        var groups = Enumerable.Range(0, bins).Select(k => ((double?)k / bins, (double?)(k + 1) / bins, new List<int>())).ToList();
        for (var i = 0; i < forecasts.Count; i++)
        {
            groups[Math.Clamp((int)Math.Floor(forecasts[i] * bins), 0, bins - 1)].Item3.Add(i);
        }

        return groups;
    }

    /// <summary>
    /// Sorted by p and cut into at most K groups of n/K (sizes differ by at most one); a cut that would fall between
    /// two equal forecasts moves forward past them, so equal forecasts always share a bin and no bin depends on the
    /// outcomes (or the order) of tied forecasts.
    /// </summary>
    private static List<(double? Lower, double? Upper, List<int> Members)> EqualCount(IReadOnlyList<double> forecasts, int bins)
    {
        var n = forecasts.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => forecasts[i]).ToArray(); // a stable sort: ties keep input order, which no bin depends on
        var groups = new List<(double?, double?, List<int>)>();
        var k = Math.Min(bins, n);
        var start = 0;
        var nominal = 0;
        for (var b = 0; b < k; b++)
        {
            nominal += (n / k) + (b < n % k ? 1 : 0);
            var end = Math.Max(nominal, start);
            while (end < n && end > 0 && forecasts[order[end]] == forecasts[order[end - 1]])
            {
                end++;
            }

            if (end > start)
            {
                groups.Add((null, null, [.. order[start..end]]));
                start = end;
            }
        }

        return groups;
    }
}
