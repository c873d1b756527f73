using System.Collections.Immutable;

namespace FutureSim.Interop.Scoring;

/// <summary>
/// FutureSim's leaderboard view: per agent (the runs of one agent are its seeds), per day, the mean over seeds
/// of FutureSim's daily metrics, and the standard deviation of that mean over <see cref="Resamples"/> bootstrap
/// resamples that draw seeds and question ids with replacement (the same draw for every day of a resample).
/// </summary>
public sealed record FutureSimLeaderboard
{
    /// <summary>The resamples of the published leaderboard.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The fixed seed of the bootstrap's pseudo-random draws, so that the same runs give the same numbers.</summary>
    public const int DefaultSeed = 20260328;

    public required int Resamples { get; init; }

    public required ImmutableArray<FutureSimAgent> Agents { get; init; }

    public required ImmutableArray<FutureSimRunScores> Runs { get; init; }

    public static FutureSimLeaderboard Build(IEnumerable<FutureSimRunScores> runs, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        var all = runs.OrderBy(Slug, StringComparer.Ordinal).ThenBy(r => r.SeedLabel, StringComparer.Ordinal).ThenBy(r => r.RunId, StringComparer.Ordinal).ToImmutableArray();
        var agents = all.GroupBy(Slug, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(g => Agent(g.Key, [.. g], resamples, seed))
            .ToImmutableArray();
        return new FutureSimLeaderboard { Resamples = resamples, Agents = agents, Runs = all };
    }

    /// <summary>The agent a run belongs to: FutureSim's agent slug for an imported run, else our agent name.</summary>
    public static string Slug(FutureSimRunScores run) => run.Provenance?.Details.GetValueOrDefault("agent_slug") ?? run.Agent;

    private static FutureSimAgent Agent(string slug, List<FutureSimRunScores> seeds, int resamples, int seed)
    {
        var days = seeds[0].Daily.Select(d => d.Day).Where(day => seeds.All(s => s.Daily.Any(d => d.Day == day))).ToList();
        var questions = seeds.Max(s => s.Questions.Length);
        var random = new Random(seed ^ StableHash(slug));
        var bss = new double[days.Count, resamples];
        var top = new double[days.Count, resamples];
        var seedDraw = new int[seeds.Count];
        var dayIndex = new int[seeds.Count, days.Count];
        for (var s = 0; s < seeds.Count; s++)
        {
            for (var d = 0; d < days.Count; d++)
            {
                dayIndex[s, d] = seeds[s].Daily.Select(p => p.Day).ToList().IndexOf(days[d]);
            }
        }

        var questionWeight = new int[questions];
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(seedDraw);
            Array.Clear(questionWeight);
            for (var s = 0; s < seeds.Count; s++)
            {
                seedDraw[random.Next(seeds.Count)]++;
            }

            for (var q = 0; q < questions; q++)
            {
                questionWeight[random.Next(questions)]++;
            }

            for (var d = 0; d < days.Count; d++)
            {
                double skill = 0, correct = 0;
                for (var s = 0; s < seeds.Count; s++)
                {
                    if (seedDraw[s] == 0)
                    {
                        continue;
                    }

                    var index = dayIndex[s, d];
                    var skills = seeds[s].SkillByDay[index];
                    var tops = seeds[s].TopByDay[index];
                    double sSkill = 0, sTop = 0;
                    for (var q = 0; q < questions; q++)
                    {
                        var w = questionWeight[q];
                        if (w != 0)
                        {
                            sSkill += w * skills[q % skills.Length];
                            sTop += w * tops[q % tops.Length];
                        }
                    }

                    skill += seedDraw[s] * sSkill;
                    correct += seedDraw[s] * sTop;
                }

                bss[d, r] = skill / ((double)seeds.Count * questions);
                top[d, r] = 100 * correct / ((double)seeds.Count * questions);
            }
        }

        var points = ImmutableArray.CreateBuilder<FutureSimAgentPoint>(days.Count);
        for (var d = 0; d < days.Count; d++)
        {
            var day = days[d];
            var means = seeds.Select(s => s.Daily.First(p => p.Day == day)).ToList();
            points.Add(new FutureSimAgentPoint(
                day, means.Average(p => p.BrierSkillScore), Std(bss, d, resamples), means.Average(p => p.Top1Accuracy), Std(top, d, resamples), seeds.Count, questions));
        }

        return new FutureSimAgent(slug, seeds[0].AgentName, seeds.Count, points.MoveToImmutable());
    }

    private static double Std(double[,] values, int row, int count)
    {
        double mean = 0;
        for (var i = 0; i < count; i++)
        {
            mean += values[row, i];
        }

        mean /= count;
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += (values[row, i] - mean) * (values[row, i] - mean);
        }

        return count > 1 ? Math.Sqrt(sum / (count - 1)) : 0;
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
