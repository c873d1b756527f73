using System.Collections.Immutable;

namespace FutureSim.Interop.Questions;

/// <summary>
/// Recovers the official question set from all runs' traces: resolution dates by id from the
/// "resolve tomorrow" lists and printed <c>state.json</c> events; titles and truths from the results of
/// <c>next_day</c> replies (keyed by title), tied to ids where a run's final forecast equals the printed
/// distribution of a question resolving that day, by printed <c>state.json</c> events, and by elimination
/// among the questions of one resolution day.
/// </summary>
internal static class QuestionSetRecovery
{
    public static RecoveredQuestionSet Recover(IReadOnlyList<TracedRun> runs)
    {
        var dates = ResolutionDates(runs);
        var byDay = dates.GroupBy(d => d.Value).ToDictionary(g => g.Key, g => g.Select(d => d.Key).Order(StringComparer.Ordinal).ToList());
        var titleVotes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var truthByTitle = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var truthById = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstDay = new Dictionary<string, DateOnly>(StringComparer.Ordinal);

        foreach (var run in runs)
        {
            foreach (var state in run.Facts.States.Values)
            {
                Vote(titleVotes, state.Title, state.QuestionId, 2);
                truthById.TryAdd(state.QuestionId, state.Truth);
            }

            foreach (var (from, to, entry) in run.Recaps.Entries)
            {
                Vote(truthByTitle, entry.Title, entry.Truth, 1);
                if (!firstDay.TryGetValue(entry.Title, out var seen) || to < seen)
                {
                    firstDay[entry.Title] = to;
                }

                if (entry.Distribution is not { } printed)
                {
                    continue;
                }

                var matches = new List<string>();
                for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
                {
                    foreach (var id in byDay.GetValueOrDefault(day) ?? [])
                    {
                        if (run.FinalBefore(id, day) is { } final && SameDistribution(final.Outcomes, printed))
                        {
                            matches.Add(id);
                        }
                    }
                }

                if (matches.Count == 1)
                {
                    Vote(titleVotes, entry.Title, matches[0], 1);
                }
            }
        }

        // Each title takes its most-voted id; ids left over are tied by elimination within their resolution day.
        var idOfTitle = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (title, votes) in titleVotes.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var best = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
            if (titleOfId.TryAdd(best, title))
            {
                idOfTitle[title] = best;
            }
        }

        bool progress;
        do
        {
            progress = false;
            foreach (var group in firstDay.Where(t => !idOfTitle.ContainsKey(t.Key)).GroupBy(t => t.Value))
            {
                var free = (byDay.GetValueOrDefault(group.Key) ?? []).Where(id => !titleOfId.ContainsKey(id)).ToList();
                if (free.Count == 1 && group.Count() == 1)
                {
                    idOfTitle[group.First().Key] = free[0];
                    titleOfId[free[0]] = group.First().Key;
                    progress = true;
                }
            }
        }
        while (progress);

        var problems = ImmutableArray.CreateBuilder<string>();
        var questions = ImmutableArray.CreateBuilder<RecoveredQuestion>();
        foreach (var (id, date) in dates.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var title = titleOfId.GetValueOrDefault(id);
            var truth = title is not null && truthByTitle.TryGetValue(title, out var t)
                ? t.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key
                : truthById.GetValueOrDefault(id);
            if (truth is null)
            {
                problems.Add($"question {id} (resolving {date:yyyy-MM-dd}): no truth was printed in any trace; it is left out.");
                continue;
            }

            if (title is null)
            {
                problems.Add($"question {id} (resolving {date:yyyy-MM-dd}): no title could be tied to it; its truth came from a printed state.json.");
            }

            questions.Add(new RecoveredQuestion(id, title ?? $"Question {id}", date, truth));
        }

        return new RecoveredQuestionSet(questions.ToImmutable(), problems.ToImmutable(), idOfTitle.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>Whether a forecast prints as <paramref name="printed"/> (same names, probabilities equal at 2 decimals).</summary>
    public static bool SameDistribution(ImmutableArray<KeyValuePair<string, double>> outcomes, ImmutableArray<KeyValuePair<string, double>> printed)
    {
        if (outcomes.Length != printed.Length)
        {
            return false;
        }

        foreach (var (name, p) in printed)
        {
            var found = false;
            foreach (var (n, q) in outcomes)
            {
                if (string.Equals(n, name, StringComparison.Ordinal) && Math.Abs(q - p) <= 0.005 + 1e-9)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, DateOnly> ResolutionDates(IReadOnlyList<TracedRun> runs)
    {
        var votes = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var (id, days) in run.Facts.ResolutionVotes)
            {
                foreach (var (day, count) in days)
                {
                    Vote(votes, id, day, count);
                }
            }

            foreach (var state in run.Facts.States.Values)
            {
                Vote(votes, state.QuestionId, state.Day, 1);
            }
        }

        return votes.ToDictionary(
            v => v.Key,
            v => v.Value.OrderByDescending(d => d.Value).ThenBy(d => d.Key).First().Key,
            StringComparer.Ordinal);
    }

    private static void Vote<TKey, TValue>(Dictionary<TKey, Dictionary<TValue, int>> votes, TKey key, TValue value, int weight)
        where TKey : notnull
        where TValue : notnull
    {
        if (!votes.TryGetValue(key, out var tally))
        {
            tally = [];
            votes[key] = tally;
        }

        tally[value] = tally.GetValueOrDefault(value) + weight;
    }
}
