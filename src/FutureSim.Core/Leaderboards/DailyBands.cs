using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;

namespace FutureSim.Core.Leaderboards;

/// <summary>
/// Bootstrap bands around each leaderboard entry's daily curves. Each resample draws the entry's questions of
/// one kind with replacement (the same draw on every day and for every seed) and recomputes, day by day, the
/// daily values of <see cref="DailyScore"/>: free-form BSS over all questions (never forecast = 0), free-form
/// top-1 accuracy over all questions, and binary Brier over the questions with a forecast held; seeds are
/// averaged, not drawn. The band is the central percentile interval of the resampled values
/// (<see cref="LeaderboardOptions.ConfidenceLevel"/>). A question's held value changes only on the days its
/// forecast changes, so each resample is updated incrementally: the cost is resamples × (forecasts + days).
/// </summary>
public static class DailyBands
{
    /// <summary>The resamples used when none are given: enough for a drawn band, cheap enough for a page.</summary>
    public const int DefaultResamples = 200;

    /// <summary>One band series per entry of <paramref name="board"/>, in its order, from the scored runs it was built from (<see cref="Leaderboard.ScoredRuns"/>).</summary>
    public static ImmutableArray<ImmutableArray<DailyBand>> Compute(Leaderboard board, int resamples = DefaultResamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var byId = board.ScoredRuns.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        return [.. board.Entries.Select(entry =>
        {
            var seeds = entry.RunIds
                .Select(id => byId[id])
                .Select(run => (Run: run, Scores: run.Agents.First(a => a.Agent == entry.Agent)))
                .ToList();
            return ForEntry(entry.Id, seeds, board.Options, resamples);
        })];
    }

    private static ImmutableArray<DailyBand> ForEntry(string entryId, List<(ScoredRun Run, AgentScores Scores)> seeds, LeaderboardOptions options, int resamples)
    {
        var days = seeds.SelectMany(s => s.Run.Days).Distinct().Order().ToArray();
        var position = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var seed = unchecked((ulong)options.Seed);
        var skill = new Series(days.Length, resamples);
        var accuracy = new Series(days.Length, resamples);
        var brier = new Series(days.Length, resamples);
        var freeFormDraws = Draws(seeds[0].Run, binary: false, resamples, SplitMix64.Derive(seed, "daily\nfree_form\n" + entryId));
        var binaryDraws = Draws(seeds[0].Run, binary: true, resamples, SplitMix64.Derive(seed, "daily\nbinary\n" + entryId));
        foreach (var (run, scores) in seeds)
        {
            var at = run.Days.Select(d => position[d]).ToArray();
            Replay(run, scores, freeFormDraws, at, skill, f => f.Usable ? f.Skill : 0, _ => 1);
            Replay(run, scores, freeFormDraws, at, accuracy, f => f.Usable && f.TopOneCorrect ? 1 : 0, _ => 1);
            Replay(run, scores, binaryDraws, at, brier, f => f.Usable ? f.Brier : 0, f => f.Usable ? 1 : 0);
        }

        var points = seeds.SelectMany(s => s.Scores.Daily).GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.ToList());
        return [.. days.Select((day, i) => new DailyBand(
            day,
            skill.Interval(i, Mean(points[day].Select(d => d.Skill)), options.ConfidenceLevel),
            accuracy.Interval(i, Mean(points[day].Select(d => d.Accuracy)), options.ConfidenceLevel),
            brier.Interval(i, Mean(points[day].Select(d => d.Brier)), options.ConfidenceLevel)))];
    }

    /// <summary>The questions of one kind (indices into the run's questions) and, per resample, how often each was drawn.</summary>
    private static (int[] Questions, int[] Counts) Draws(ScoredRun run, bool binary, int resamples, ulong seed)
    {
        var questions = Enumerable.Range(0, run.Questions.Length).Where(q => (run.Questions[q].Kind == QuestionKind.Binary) == binary).ToArray();
        var counts = new int[questions.Length * resamples];
        if (questions.Length > 0)
        {
            var draws = Bootstrap.DrawQuestions(questions.Length, resamples, seed);
            for (var r = 0; r < resamples; r++)
            {
                for (var i = 0; i < questions.Length; i++)
                {
                    counts[(r * questions.Length) + draws[(r * questions.Length) + i]]++;
                }
            }
        }

        return (questions, counts);
    }

    /// <summary>
    /// Walks one seed's days, updating every resample's numerator and denominator by the drawn count of a question
    /// whenever the value it holds changes, and adds each day's resampled ratio to <paramref name="series"/>.
    /// </summary>
    private static void Replay(
        ScoredRun run, AgentScores scores, (int[] Questions, int[] Counts) draws, int[] at, Series series,
        Func<ScoredForecast, double> value, Func<ScoredForecast, double> counted)
    {
        var (questions, counts) = draws;
        var n = questions.Length;
        if (n == 0)
        {
            return;
        }

        var resamples = series.Resamples;
        var numerator = new double[resamples];
        var denominator = new double[resamples];
        var held = new (double Value, double Counted)[n];
        var changes = new List<(int Day, int Question, ScoredForecast Forecast)>();
        for (var j = 0; j < n; j++)
        {
            // Before any forecast a question counts as abstained: value 0, counted when the measure counts every question.
            held[j] = (0, counted(default));
            foreach (var forecast in scores.Forecasts[questions[j]])
            {
                changes.Add((forecast.Day.DayNumber, j, forecast));
            }
        }

        changes = [.. changes.OrderBy(c => c.Day)]; // a stable sort: a question's forecasts of one day keep their log order
        for (var r = 0; r < resamples; r++)
        {
            for (var j = 0; j < n; j++)
            {
                denominator[r] += counts[(r * n) + j] * held[j].Counted;
            }
        }

        var next = 0;
        for (var d = 0; d < run.Days.Length; d++)
        {
            var day = run.Days[d].DayNumber;
            for (; next < changes.Count && changes[next].Day <= day; next++)
            {
                var (_, j, forecast) = changes[next];
                var (v, c) = (value(forecast), counted(forecast));
                var (dv, dc) = (v - held[j].Value, c - held[j].Counted);
                held[j] = (v, c);
                if (dv == 0 && dc == 0)
                {
                    continue;
                }

                for (var r = 0; r < resamples; r++)
                {
                    var k = counts[(r * n) + j];
                    numerator[r] += k * dv;
                    denominator[r] += k * dc;
                }
            }

            for (var r = 0; r < resamples; r++)
            {
                series.Add(at[d], r, denominator[r] > 0 ? numerator[r] / denominator[r] : double.NaN);
            }
        }
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return defined.Count > 0 ? defined.Average() : null;
    }

    /// <summary>Per day and resample, the sum over seeds of the resampled value and how many seeds defined it.</summary>
    private sealed class Series(int days, int resamples)
    {
        private readonly double[] _sums = new double[days * resamples];
        private readonly int[] _seeds = new int[days * resamples];

        public int Resamples => resamples;

        public void Add(int day, int resample, double value)
        {
            if (double.IsFinite(value))
            {
                _sums[(day * resamples) + resample] += value;
                _seeds[(day * resamples) + resample]++;
            }
        }

        public Estimate? Interval(int day, double? point, double level)
        {
            if (point is not { } value)
            {
                return null;
            }

            var replicates = new double[resamples];
            for (var r = 0; r < resamples; r++)
            {
                var k = (day * resamples) + r;
                replicates[r] = _seeds[k] > 0 ? _sums[k] / _seeds[k] : double.NaN;
            }

            return Bootstrap.Interval(value, replicates, level);
        }
    }
}
