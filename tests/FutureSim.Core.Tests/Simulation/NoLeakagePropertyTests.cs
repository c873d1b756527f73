using System.Collections.Concurrent;
using FsCheck.Xunit;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.TestKit;
using static FutureSim.TestKit.TestData;

namespace FutureSim.Core.Tests.Simulation;

public sealed class NoLeakagePropertyTests
{
    private static readonly DateOnly First = Day("2025-03-01");

    /// <summary>
    /// Whatever an agent asks — random queries and dates, ids of future articles, unopened and resolved
    /// questions — it never receives an article visible after the simulated now, and no text it is given
    /// contains the answer of a question that has not resolved yet.
    /// </summary>
    [Property(MaxTest = 25)]
    public async Task<bool> NoAgentEverReceivesAFutureArticleOrAnUnresolvedAnswer(int seed)
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(0, 40)
            .Select(i => Article($"art-{i}", First.AddDays(random.Next(-3, 12)).ToString("yyyy-MM-dd"), $"Story {i % 7} about topic{i % 5}"))
            .ToArray();
        var questions = Enumerable.Range(0, 6).Select(i =>
        {
            var opens = First.AddDays(random.Next(-2, 5));
            var resolves = opens.AddDays(random.Next(1, 6));
            return i % 2 == 0
                ? FreeForm($"q{i}", opens.ToString("yyyy-MM-dd"), resolves.ToString("yyyy-MM-dd"), $"Secret{i}{seed}Answer")
                : Binary($"q{i}", opens.ToString("yyyy-MM-dd"), resolves.ToString("yyyy-MM-dd"), yes: random.Next(2) == 0);
        }).ToArray();
        var byId = questions.ToDictionary(q => q.Id.Value);
        var violations = new ConcurrentBag<string>();

        void Check(IForecastingTools tools, string text, IEnumerable<ArticleView> returned)
        {
            var now = SimulatedTime.EndOf(tools.Today);
            foreach (var article in returned.Where(a => a.VisibleAt > now))
            {
                violations.Add($"{tools.Today}: article {article.Id} visible at {article.VisibleAt}");
            }

            foreach (var q in questions.Where(q => q.Kind == QuestionKind.FreeForm && q.ResolutionDate > tools.Today))
            {
                if (text.Contains(q.Resolution.Answer, StringComparison.Ordinal))
                {
                    violations.Add($"{tools.Today}: answer of unresolved {q.Id} shown");
                }
            }
        }

        Task Act(IForecastingTools tools, int agentSeed)
        {
            var r = new Random(agentSeed ^ tools.Today.DayNumber);
            Check(tools, ToolText.Render(tools.Briefing), []);
            for (var call = 0; call < 12; call++)
            {
                switch (r.Next(4))
                {
                    case 0:
                        var search = tools.SearchNews(
                            r.Next(3) == 0 ? "*:* OR id:art-1 visible:[0 TO 9999999999999]" : $"topic{r.Next(5)} story",
                            r.Next(-2, 15),
                            r.Next(2) == 0 ? null : First.AddDays(r.Next(-5, 20)).ToString("yyyy-MM-dd"),
                            r.Next(2) == 0 ? null : First.AddDays(r.Next(-5, 20)).ToString("yyyy-MM-dd"));
                        Check(tools, ToolText.Render(search), search.Hits);
                        break;
                    case 1:
                        var article = tools.GetArticle($"art-{r.Next(45)}");
                        Check(tools, ToolText.Render(article), article.Article is null ? [] : [article.Article]);
                        break;
                    case 2:
                        var market = tools.ListQuestions();
                        Check(tools, ToolText.Render(market), []);
                        foreach (var resolved in market.Resolved.Where(v => byId[v.Id].ResolutionDate > tools.Today))
                        {
                            violations.Add($"{tools.Today}: {resolved.Id} listed as resolved early");
                        }

                        break;
                    default:
                        var id = $"q{r.Next(7)}";
                        var result = tools.SubmitForecasts(id, new Dictionary<string, double> { [r.Next(2) == 0 ? "Yes" : "Guess"] = r.NextDouble() });
                        Check(tools, ToolText.Render(result), []);
                        break;
                }
            }

            return Task.CompletedTask;
        }

        using var harness = new RunHarness(articles, questions, "2025-03-01", "2025-03-08");
        await harness.RunAsync("r", ("a", new DelegateAgent((t, _) => Act(t, seed))), ("b", new DelegateAgent((t, _) => Act(t, seed + 1))));
        return violations.IsEmpty;
    }
}
