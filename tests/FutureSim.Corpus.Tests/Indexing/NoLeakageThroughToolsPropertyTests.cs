using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using FsCheck.Xunit;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Corpus.Indexing;

namespace FutureSim.Corpus.Tests.Indexing;

/// <summary>
/// Agents acting through the product's whole path — the runner, the tool surface and the Lucene index's gate —
/// never receive a future article or an unresolved answer. What is future is decided from the test's own corpus
/// file (each article's first-seen time and a marker word in its text), never from what the product returns.
/// </summary>
public sealed class NoLeakageThroughToolsPropertyTests(NoLeakageThroughToolsPropertyTests.Index index)
    : IClassFixture<NoLeakageThroughToolsPropertyTests.Index>
{
    private static readonly DateOnly First = TestData.Day("2025-03-01");

    /// <summary>Sixty articles first seen between three days before the run and twelve days into it, indexed once.</summary>
    public sealed class Index : IDisposable
    {
        private readonly TestCorpora corpora = new();

        public Index()
        {
            var random = new Random(1);
            VisibleAt = Enumerable.Range(0, 60).ToImmutableDictionary(
                i => $"art-{i}",
                i => new DateTimeOffset(First.AddDays(random.Next(-3, 12)).ToDateTime(new TimeOnly(random.Next(24), 0)), TimeSpan.Zero));
            var news = corpora.Write("news.jsonl", [.. VisibleAt.OrderBy(a => a.Key, StringComparer.Ordinal).Select((a, i) => TestCorpora.CurrentEvents(
                a.Key, DateOnly.FromDateTime(a.Value.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                $"Story {i % 7} about topic{i % 5}, marker {Marker(a.Key)}."))]);
            Corpus = LuceneCorpus.OpenOrBuild(corpora.IndexDirectory(), [news], Core.Articles.VisibilityPolicy.Strict, InvalidRecordHandling.Fail, null, null, CancellationToken.None).Corpus;
        }

        public LuceneCorpus Corpus { get; }

        /// <summary>Each article's first-seen instant, as the corpus file says.</summary>
        public ImmutableDictionary<string, DateTimeOffset> VisibleAt { get; }

        public void Dispose()
        {
            Corpus.Dispose();
            corpora.Dispose();
        }
    }

    /// <summary>A word only article <paramref name="id"/>'s text holds.</summary>
    private static string Marker(string id) => "mk" + id.Replace("art-", "", StringComparison.Ordinal) + "x";

    /// <summary>
    /// Whatever an agent asks — random queries (query syntax included) and dates, ids of future articles, unopened and
    /// resolved questions — no text it is given holds an article that arrived after the simulated now or the answer of
    /// a question that has not resolved yet.
    /// </summary>
    [Property(MaxTest = 12)]
    public async Task<bool> NoAgentEverReceivesAFutureArticleOrAnUnresolvedAnswer(int seed)
    {
        var random = new Random(seed);
        var questions = Enumerable.Range(0, 6).Select(i =>
        {
            var opens = First.AddDays(random.Next(-2, 5));
            var resolves = opens.AddDays(random.Next(1, 6));
            return i % 2 == 0
                ? TestData.FreeForm($"q{i}", opens.ToString("yyyy-MM-dd"), resolves.ToString("yyyy-MM-dd"), $"Secret{i}{seed}Answer")
                : TestData.Binary($"q{i}", opens.ToString("yyyy-MM-dd"), resolves.ToString("yyyy-MM-dd"), yes: random.Next(2) == 0);
        }).ToArray();
        var byId = questions.ToDictionary(q => q.Id.Value);
        var violations = new ConcurrentBag<string>();

        void Check(IForecastingTools tools, string text)
        {
            var now = SimulatedTime.EndOf(tools.Today);
            foreach (var (id, visibleAt) in index.VisibleAt.Where(a => a.Value > now))
            {
                if (text.Contains(Marker(id), StringComparison.Ordinal))
                {
                    violations.Add($"{tools.Today}: article {id}, first seen {visibleAt:O}, shown");
                }
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
            Check(tools, ToolText.Render(tools.Briefing));
            for (var call = 0; call < 12; call++)
            {
                switch (r.Next(4))
                {
                    case 0:
                        Check(tools, ToolText.Render(tools.SearchNews(
                            r.Next(3) == 0 ? "*:* OR id:art-1 visible:[0 TO 9999999999999] mk1x" : $"topic{r.Next(5)} story marker",
                            r.Next(-2, 15),
                            r.Next(2) == 0 ? null : First.AddDays(r.Next(-5, 20)).ToString("yyyy-MM-dd"),
                            r.Next(2) == 0 ? null : First.AddDays(r.Next(-5, 20)).ToString("yyyy-MM-dd"))));
                        break;
                    case 1:
                        Check(tools, ToolText.Render(tools.GetArticle($"art-{r.Next(65)}")));
                        break;
                    case 2:
                        var market = tools.ListQuestions();
                        Check(tools, ToolText.Render(market));
                        foreach (var resolved in market.Resolved.Where(v => byId[v.Id].ResolutionDate > tools.Today))
                        {
                            violations.Add($"{tools.Today}: {resolved.Id} listed as resolved early");
                        }

                        break;
                    default:
                        var id = $"q{r.Next(7)}";
                        Check(tools, ToolText.Render(tools.SubmitForecasts(id, new Dictionary<string, double> { [r.Next(2) == 0 ? "Yes" : "Guess"] = r.NextDouble() })));
                        break;
                }
            }

            return Task.CompletedTask;
        }

        using var harness = new RunHarness(index.Corpus, questions, "2025-03-01", "2025-03-08");
        await harness.RunAsync("r", ("a", new DelegateAgent((t, _) => Act(t, seed))), ("b", new DelegateAgent((t, _) => Act(t, seed + 1))));
        return violations.IsEmpty;
    }
}
