using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// An immutable leaderboard built from scored runs only: one entry per agent and configuration with its
/// seeds pooled, bootstrap intervals over seeds and questions, and paired comparisons. The same runs and
/// options always give the same leaderboard, whatever the order of the runs.
/// </summary>
public sealed record Leaderboard
{
    /// <summary>The version of the leaderboard's JSON form.</summary>
    public const int FormatVersion = 1;

    public required LeaderboardOptions Options { get; init; }

    public required ScoringOptions Scoring { get; init; }

    /// <summary>The runs, ordered by id.</summary>
    public required ImmutableArray<LeaderboardRun> Runs { get; init; }

    /// <summary>The entries, ordered by agent then configuration id (each kind has its own rank).</summary>
    public required ImmutableArray<LeaderboardEntry> Entries { get; init; }

    /// <summary>
    /// For each kind, every pair of entries on the same questions, on the headline metric (free-form: mean
    /// BSS over all questions; binary: Brier), in rank order.
    /// </summary>
    public required ImmutableArray<PairedComparison> Comparisons { get; init; }

    /// <summary>Pools seeds, bootstraps and ranks.</summary>
    /// <exception cref="ArgumentException">No runs, a run given twice, or runs scored with different options.</exception>
    public static Leaderboard Build(IReadOnlyList<RunScores> runs, LeaderboardOptions options)
    {
        options.Validate();
        if (runs.Count == 0)
        {
            throw new ArgumentException("A leaderboard needs at least one run.", nameof(runs));
        }

        var ordered = runs.OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].RunId == ordered[i - 1].RunId)
            {
                throw new ArgumentException($"Run '{ordered[i].RunId}' is given more than once.", nameof(runs));
            }
        }

        if (ordered.Select(r => r.Options).Distinct().Count() > 1)
        {
            throw new ArgumentException("The runs were scored with different scoring options.", nameof(runs));
        }

        var pools = new Dictionary<string, (string Agent, AgentSpec? Spec, string Id, string Key, List<(RunScores Run, AgentScores Scores)> Seeds)>(StringComparer.Ordinal);
        foreach (var run in ordered)
        {
            foreach (var agent in run.Agents)
            {
                var (key, id) = ConfigurationKey.For(run.Manifest, agent.Agent, run.Questions.Select(q => q.Id));
                if (!pools.TryGetValue(key, out var pool))
                {
                    pools[key] = pool = (agent.Agent, run.Manifest.Agents.FirstOrDefault(a => a.Name == agent.Agent), id, key, []);
                }

                pool.Seeds.Add((run, agent));
            }
        }

        var sortedPools = pools.Values
            .OrderBy(p => p.Agent, StringComparer.Ordinal)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

        var freeForm = Summarise(sortedPools.Select(p => (p.Key, Cells: KindCells.FreeForm(p.Seeds))).ToList(), options);
        var binary = Summarise(sortedPools.Select(p => (p.Key, Cells: KindCells.Binary(p.Seeds))).ToList(), options);
        var entries = ImmutableArray.CreateBuilder<LeaderboardEntry>(sortedPools.Count);
        for (var i = 0; i < sortedPools.Count; i++)
        {
            var pool = sortedPools[i];
            var seeds = pool.Seeds;
            entries.Add(new LeaderboardEntry
            {
                Agent = pool.Agent,
                AgentKind = pool.Spec?.Kind ?? "",
                Unsandboxed = IsUnsandboxed(pool.Spec),
                ConfigurationId = pool.Id,
                RunIds = [.. seeds.Select(s => s.Run.RunId)],
                FailedRuns = seeds.Count(s => s.Run.Manifest.Status == RunStatus.Failed),
                IncompleteRuns = seeds.Count(s => !s.Run.IsComplete),
                Submissions = seeds.Sum(s => s.Scores.Submissions),
                Refusals = seeds.Sum(s => s.Scores.Refusals),
                Failures = seeds.SelectMany(s => s.Scores.Failures)
                    .GroupBy(f => f.Key, StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal),
                FreeForm = freeForm.Summaries[i] is { } f ? FreeFormOf(f, options) : null,
                Binary = binary.Summaries[i] is { } b ? BinaryOf(b, options) : null,
                Daily = Daily(seeds),
            });
        }

        var built = entries.MoveToImmutable();
        return new Leaderboard
        {
            Options = options,
            Scoring = ordered[0].Options,
            Runs = [.. ordered.Select(r => new LeaderboardRun(
                r.RunId, r.Manifest.Status, r.IsComplete, r.Days.Length,
                r.Days.IsEmpty ? null : r.Days[0], r.Days.IsEmpty ? null : r.Days[^1], r.Warnings.Length))],
            Entries = built,
            Comparisons = [.. Compare(built, freeForm, "bss", options), .. Compare(built, binary, "brier", options)],
        };
    }

    /// <summary>A <c>cli-harness</c> agent whose recorded <c>Sandbox</c> setting is <c>none</c> or missing (runs from before sandboxing).</summary>
    private static bool IsUnsandboxed(AgentSpec? spec) =>
        spec is { Kind: "cli-harness" }
        && !spec.Settings.Any(s => s.Key.Equals("Sandbox", StringComparison.OrdinalIgnoreCase) && !s.Value.Equals("none", StringComparison.OrdinalIgnoreCase));

    private sealed record Summary(KindCells Cells, double[][] Replicates, ImmutableDictionary<string, Estimate?> Estimates, int Rank);

    private sealed record KindSummaries(IReadOnlyList<Summary?> Summaries);

    /// <summary>Bootstraps every entry of one kind, then ranks them on the headline metric.</summary>
    private static KindSummaries Summarise(List<(string Key, KindCells? Cells)> entries, LeaderboardOptions options)
    {
        var seed = unchecked((ulong)options.Seed);
        var draws = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var summaries = new Summary?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Cells is not { } cells)
            {
                continue;
            }

            if (!draws.TryGetValue(cells.Signature, out var questionDraws))
            {
                questionDraws = Bootstrap.DrawQuestions(cells.Questions, options.Resamples, SplitMix64.Derive(seed, cells.Kind + "\n" + cells.Signature));
                draws[cells.Signature] = questionDraws;
            }

            var replicates = Bootstrap.Replicate(
                cells.Metrics, cells.Seeds, cells.Questions, questionDraws, options.Resamples, SplitMix64.Derive(seed, cells.Kind + "\n" + entries[i].Key));
            var estimates = cells.Metrics
                .Select((m, k) => (m.Id, Estimate: Bootstrap.Interval(m.Point(), replicates[k], options.ConfidenceLevel)))
                .ToImmutableDictionary(e => e.Id, e => e.Estimate, StringComparer.Ordinal);
            summaries[i] = new Summary(cells, replicates, estimates, 0);
        }

        // Rank: free-form by mean BSS descending, binary by Brier ascending; undefined last; ties by position.
        var order = Enumerable.Range(0, entries.Count)
            .Where(i => summaries[i] is not null)
            .OrderBy(i => RankKey(summaries[i]!))
            .ThenBy(i => i)
            .ToList();
        for (var r = 0; r < order.Count; r++)
        {
            summaries[order[r]] = summaries[order[r]]! with { Rank = r + 1 };
        }

        return new KindSummaries(summaries);
    }

    private static double RankKey(Summary summary) => summary.Cells.Kind == KindCells.FreeFormKind
        ? -(summary.Estimates["bss"]?.Value ?? double.NegativeInfinity)
        : summary.Estimates["brier"]?.Value ?? double.PositiveInfinity;

    private static FreeFormSummary FreeFormOf(Summary s, LeaderboardOptions options) => new()
    {
        Rank = s.Rank,
        Questions = s.Cells.Questions,
        Forecasts = s.Cells.Forecast,
        Seeds = s.Cells.Seeds,
        Skill = s.Estimates["bss"]!,
        SkillOverForecast = s.Estimates["bss_forecast"],
        Accuracy = s.Estimates["accuracy"]!,
        TruthMass = s.Estimates["truth_mass"]!,
        TimeWeighted = s.Estimates["tw_score"]!,
        Calibration = Calibration.Compute(s.Cells.Probabilities, s.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualWidth),
        CalibrationEqualCount = Calibration.Compute(s.Cells.Probabilities, s.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualCount),
    };

    private static BinarySummary BinaryOf(Summary s, LeaderboardOptions options) => new()
    {
        Rank = s.Rank,
        Questions = s.Cells.Questions,
        Forecasts = s.Cells.Forecast,
        Seeds = s.Cells.Seeds,
        CrowdQuestions = s.Cells.CrowdQuestions,
        BaseRate = s.Cells.BaseRate,
        Brier = s.Estimates["brier"],
        LogScore = s.Estimates["log_score"],
        Accuracy = s.Estimates["accuracy"],
        SkillVsUniform = s.Estimates["bss_uniform"],
        SkillVsBaseRate = s.Estimates["bss_base_rate"],
        SkillVsCrowd = s.Estimates["bss_crowd"],
        Calibration = Calibration.Compute(s.Cells.Probabilities, s.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualWidth),
        CalibrationEqualCount = Calibration.Compute(s.Cells.Probabilities, s.Cells.Outcomes, options.CalibrationBins, BinningScheme.EqualCount),
    };

    private static IEnumerable<PairedComparison> Compare(ImmutableArray<LeaderboardEntry> entries, KindSummaries kind, string metric, LeaderboardOptions options)
    {
        var ranked = Enumerable.Range(0, entries.Length)
            .Where(i => kind.Summaries[i] is not null)
            .OrderBy(i => kind.Summaries[i]!.Rank)
            .ToList();
        foreach (var (a, b) in ranked.SelectMany((a, x) => ranked.Skip(x + 1).Select(b => (a, b))))
        {
            var (sa, sb) = (kind.Summaries[a]!, kind.Summaries[b]!);
            if (sa.Cells.Signature != sb.Cells.Signature || sa.Estimates[metric] is not { } ea || sb.Estimates[metric] is not { } eb)
            {
                continue;
            }

            var k = sa.Cells.Metrics.ToList().FindIndex(m => m.Id == metric);
            var (difference, p) = Bootstrap.Paired(ea.Value, sa.Replicates[k], eb.Value, sb.Replicates[k], options.ConfidenceLevel);
            if (difference is not null)
            {
                yield return new PairedComparison(sa.Cells.Kind, metric, entries[a].Id, entries[b].Id, difference, p);
            }
        }
    }

    private static ImmutableArray<DailyPoint> Daily(List<(RunScores Run, AgentScores Scores)> seeds)
    {
        static double? Mean(IEnumerable<double?> values)
        {
            var defined = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            return defined.Count > 0 ? defined.Average() : null;
        }

        return [.. seeds.SelectMany(s => s.Scores.Daily)
            .GroupBy(d => d.Day)
            .OrderBy(g => g.Key)
            .Select(g => new DailyPoint(g.Key, Mean(g.Select(d => d.Skill)), Mean(g.Select(d => d.Accuracy)), Mean(g.Select(d => d.Brier))))];
    }
}
