using System.Collections.Immutable;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;

namespace FutureSim.Interop.Scoring;

/// <summary>
/// Scores a run by FutureSim's daily convention. The row for day d is Σ over all free-form questions of
/// s(q, d), divided by their number: a question resolved by d (resolution day ≤ d) scores the last forecast
/// made before it resolved; an open one the forecast held on d (d's own submissions included) against its
/// eventual truth; a question never forecast scores 0. s is <see cref="FutureSimForecastScore"/>'s BSS, or
/// 1/0 for top-1 accuracy (reported in percent).
/// </summary>
public static class FutureSimDailyScorer
{
    public static async Task<ImmutableArray<FutureSimRunScores>> ScoreAsync(RunRecord run, IAnswerMatcher matcher, CancellationToken cancellationToken)
    {
        var questions = run.Questions.Where(q => q.Kind != QuestionKind.Binary).OrderBy(q => q.Id.Value, StringComparer.Ordinal).ToImmutableArray();
        var index = questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var resolvedOn = new DateOnly?[questions.Length];
        var names = questions.Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var runEvent in run.Events)
        {
            switch (runEvent)
            {
                case QuestionResolved resolved when index.TryGetValue(resolved.QuestionId, out var q):
                    resolvedOn[q] = resolved.Day;
                    break;
                case ForecastSubmitted forecast when index.TryGetValue(forecast.QuestionId, out var q):
                    names[q].UnionWith(forecast.Outcomes.Keys);
                    break;
            }
        }

        var judged = new Dictionary<string, bool>[questions.Length];
        for (var q = 0; q < questions.Length; q++)
        {
            judged[q] = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var name in names[q])
            {
                judged[q][name] = string.Equals(name, questions[q].Resolution.Answer, StringComparison.Ordinal)
                    || await (matcher is IQuestionAnswerMatcher byQuestion
                        ? byQuestion.MatchesAsync(questions[q].Id, name, questions[q].Resolution, cancellationToken)
                        : matcher.MatchesAsync(name, questions[q].Resolution, cancellationToken)).ConfigureAwait(false);
            }
        }

        var results = ImmutableArray.CreateBuilder<FutureSimRunScores>();
        foreach (var agent in run.Manifest.Agents.Select(a => a.Name).Order(StringComparer.Ordinal))
        {
            var held = questions.Select(_ => new List<(DateOnly Day, double Skill, double Top)>()).ToArray();
            foreach (var forecast in run.Events.OfType<ForecastSubmitted>())
            {
                if (forecast.Agent != agent || !index.TryGetValue(forecast.QuestionId, out var q)
                    || (resolvedOn[q] is { } resolution && forecast.Day >= resolution))
                {
                    continue;
                }

                var decisions = judged[q];
                var (skill, top) = FutureSimForecastScore.Score(forecast.Outcomes.ToArray(), questions[q].Resolution.Answer, name => decisions.GetValueOrDefault(name));
                held[q].Add((forecast.Day, skill, top ? 1 : 0));
            }

            results.Add(Daily(run, agent, questions, held));
        }

        return results.ToImmutable();
    }

    private static FutureSimRunScores Daily(RunRecord run, string agent, ImmutableArray<Question> questions, List<(DateOnly Day, double Skill, double Top)>[] held)
    {
        var position = new int[questions.Length];
        Array.Fill(position, -1);
        var daily = ImmutableArray.CreateBuilder<FutureSimDailyPoint>(run.Days.Length);
        var skills = ImmutableArray.CreateBuilder<ImmutableArray<double>>(run.Days.Length);
        var tops = ImmutableArray.CreateBuilder<ImmutableArray<double>>(run.Days.Length);
        foreach (var day in run.Days)
        {
            var skill = new double[questions.Length];
            var top = new double[questions.Length];
            double skillSum = 0, topSum = 0;
            for (var q = 0; q < questions.Length; q++)
            {
                var list = held[q];
                while (position[q] + 1 < list.Count && list[position[q] + 1].Day <= day)
                {
                    position[q]++;
                }

                if (position[q] >= 0)
                {
                    skill[q] = list[position[q]].Skill;
                    top[q] = list[position[q]].Top;
                    skillSum += skill[q];
                    topSum += top[q];
                }
            }

            var n = Math.Max(questions.Length, 1);
            daily.Add(new FutureSimDailyPoint(day, skillSum / n, 100 * topSum / n));
            skills.Add([.. skill]);
            tops.Add([.. top]);
        }

        return new FutureSimRunScores
        {
            RunId = run.Manifest.RunId,
            Agent = agent,
            Provenance = run.Manifest.ImportedFrom,
            Questions = [.. questions.Select(q => q.Id)],
            Daily = daily.MoveToImmutable(),
            SkillByDay = skills.MoveToImmutable(),
            TopByDay = tops.MoveToImmutable(),
        };
    }
}
