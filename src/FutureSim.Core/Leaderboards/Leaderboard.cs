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

    /// <summary>The scored runs the leaderboard was built from, ordered by id: per-run views (daily curves of each seed) read them.</summary>
    public required ImmutableArray<ScoredRun> ScoredRuns { get; init; }

    /// <summary>The entries, ordered by agent then configuration id (each kind has its own rank).</summary>
    public required ImmutableArray<LeaderboardEntry> Entries { get; init; }

    /// <summary>
    /// For each kind, every pair of entries on the same questions, on the headline metric (free-form: mean
    /// BSS over all questions; binary: Brier), in rank order.
    /// </summary>
    public required ImmutableArray<PairedComparison> Comparisons { get; init; }

    /// <summary>Pools seeds, bootstraps and ranks.</summary>
    /// <exception cref="ArgumentException">No runs, a run given twice, or runs scored with different options.</exception>
    public static Leaderboard Build(IReadOnlyList<ScoredRun> runs, LeaderboardOptions options)
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

        var pools = new Dictionary<string, (string Agent, AgentSpec? Spec, string Id, string Key, List<(ScoredRun Run, AgentScores Scores)> Seeds)>(StringComparer.Ordinal);
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

        var keys = sortedPools.Select(p => p.Key).ToList();
        var freeForm = KindBootstrap.Run(LeaderboardMetric.FreeFormKind, keys, [.. sortedPools.Select(p => KindCells.Of(LeaderboardMetric.FreeFormKind, p.Seeds))], options);
        var binary = KindBootstrap.Run(LeaderboardMetric.BinaryKind, keys, [.. sortedPools.Select(p => KindCells.Of(LeaderboardMetric.BinaryKind, p.Seeds))], options);
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
                FreeForm = freeForm.Summary(i),
                Binary = binary.Summary(i),
                ModelUsage = seeds.Aggregate((UsageSummary?)null, (sum, s) => UsageSummary.Add(sum, UsageSummary.Of(s.Scores.ModelUsage))),
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
            ScoredRuns = [.. ordered],
            Entries = built,
            Comparisons = [.. freeForm.Compare(built), .. binary.Compare(built)],
        };
    }

    /// <summary>A <c>cli-harness</c> agent whose recorded <c>Sandbox</c> setting is <c>none</c> or missing (runs from before sandboxing).</summary>
    private static bool IsUnsandboxed(AgentSpec? spec) =>
        spec is { Kind: "cli-harness" }
        && !spec.Settings.Any(s => s.Key.Equals("Sandbox", StringComparison.OrdinalIgnoreCase) && !s.Value.Equals("none", StringComparison.OrdinalIgnoreCase));

    private static ImmutableArray<DailyPoint> Daily(List<(ScoredRun Run, AgentScores Scores)> seeds)
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
