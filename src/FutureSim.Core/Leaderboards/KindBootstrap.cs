using System.Collections.Immutable;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// The bootstrap of every entry on one kind of question: each entry's metrics resampled over its seeds and the
/// questions (question draws shared by entries with the same questions), then ranked on the kind's headline
/// metric and compared in pairs.
/// </summary>
internal sealed class KindBootstrap
{
    private readonly string kind;
    private readonly LeaderboardOptions options;
    private readonly Bootstrapped?[] entries;

    private KindBootstrap(string kind, LeaderboardOptions options, Bootstrapped?[] entries)
    {
        this.kind = kind;
        this.options = options;
        this.entries = entries;
    }

    /// <summary>Bootstraps each entry's cells (null where an entry has no question of the kind) and ranks them.</summary>
    public static KindBootstrap Run(string kind, IReadOnlyList<string> keys, IReadOnlyList<KindCells?> cells, LeaderboardOptions options)
    {
        var seed = unchecked((ulong)options.Seed);
        var draws = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var entries = new Bootstrapped?[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } c)
            {
                continue;
            }

            if (!draws.TryGetValue(c.Signature, out var questionDraws))
            {
                questionDraws = Bootstrap.DrawQuestions(c.Questions, options.Resamples, SplitMix64.Derive(seed, c.Kind + "\n" + c.Signature));
                draws[c.Signature] = questionDraws;
            }

            var replicates = Bootstrap.Replicate(
                c.Metrics, c.Seeds, c.Questions, questionDraws, options.Resamples, SplitMix64.Derive(seed, c.Kind + "\n" + keys[i]));
            var estimates = c.Metrics
                .Select((m, k) => Bootstrap.Interval(m.Point(), replicates[k], options.ConfidenceLevel))
                .ToImmutableArray();
            entries[i] = new Bootstrapped(c, replicates, estimates, 0);
        }

        // Rank on the headline metric (higher BSS or lower Brier first); undefined last; ties by position.
        var headline = LeaderboardMetrics.Of(kind).IndexOf(LeaderboardMetrics.Headline(kind));
        var higherIsBetter = kind == LeaderboardMetric.FreeFormKind;
        var order = Enumerable.Range(0, entries.Length)
            .Where(i => entries[i] is not null)
            .OrderBy(i => entries[i]!.Estimates[headline] is { } e ? (higherIsBetter ? -e.Value : e.Value) : double.PositiveInfinity)
            .ThenBy(i => i)
            .ToList();
        for (var r = 0; r < order.Count; r++)
        {
            entries[order[r]] = entries[order[r]]! with { Rank = r + 1 };
        }

        return new KindBootstrap(kind, options, entries);
    }

    /// <summary>The summary of entry <paramref name="i"/>, or null when it has no question of the kind.</summary>
    public KindSummary? Summary(int i) => entries[i] is not { } b ? null : new KindSummary
    {
        Kind = kind,
        Rank = b.Rank,
        Questions = b.Cells.Questions,
        Forecasts = b.Cells.Forecast,
        Seeds = b.Cells.Seeds,
        Estimates = b.Estimates,
        CrowdQuestions = b.Cells.CrowdQuestions,
        BaseRate = b.Cells.BaseRate,
        Calibration = Calibration.Compute(b.Cells.Probabilities, b.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualWidth),
        CalibrationEqualCount = Calibration.Compute(b.Cells.Probabilities, b.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualCount),
    };

    /// <summary>Every pair of entries on the same questions, in rank order, on the headline metric.</summary>
    public IEnumerable<PairedComparison> Compare(ImmutableArray<LeaderboardEntry> board)
    {
        var metric = LeaderboardMetrics.Headline(kind);
        var k = LeaderboardMetrics.Of(kind).IndexOf(metric);
        var ranked = Enumerable.Range(0, entries.Length)
            .Where(i => entries[i] is not null)
            .OrderBy(i => entries[i]!.Rank)
            .ToList();
        foreach (var (a, b) in ranked.SelectMany((a, x) => ranked.Skip(x + 1).Select(b => (a, b))))
        {
            var (sa, sb) = (entries[a]!, entries[b]!);
            if (sa.Cells.Signature != sb.Cells.Signature || sa.Estimates[k] is not { } ea || sb.Estimates[k] is not { } eb)
            {
                continue;
            }

            var (difference, p) = Bootstrap.Paired(ea.Value, sa.Replicates[k], eb.Value, sb.Replicates[k], options.ConfidenceLevel);
            if (difference is not null)
            {
                yield return new PairedComparison(metric, board[a].Id, board[b].Id, difference, p);
            }
        }
    }

    private sealed record Bootstrapped(KindCells Cells, double[][] Replicates, ImmutableArray<Estimate?> Estimates, int Rank);
}
