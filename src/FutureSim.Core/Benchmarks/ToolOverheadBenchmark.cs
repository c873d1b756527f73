using System.Collections.Immutable;
using System.Diagnostics;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;

namespace FutureSim.Core.Benchmarks;

/// <summary>
/// Measures the harness's own cost per tool call — validation, the frozen market view, recording —
/// with the corpus taken out (a view that finds nothing), on a day with a realistic number of open
/// questions.
/// </summary>
public static class ToolOverheadBenchmark
{
    public static ToolOverheadReport Run(int openQuestions = 300, int calls = 20_000)
    {
        var day = new DateOnly(2025, 6, 1);
        var questions = Enumerable.Range(0, openQuestions).Select(i => new Question
        {
            Id = new QuestionId($"q{i:D5}"),
            Title = $"Will event {i} happen?",
            Background = "Background text of moderate length describing the context of the question.",
            Kind = i % 2 == 0 ? QuestionKind.Binary : QuestionKind.FreeForm,
            Options = i % 2 == 0 ? [QuestionResolution.Yes, QuestionResolution.No] : [],
            OpensAt = SimulatedTime.StartOf(day.AddDays(-10)),
            ResolutionDate = day.AddDays(30),
            Resolution = new QuestionResolution { Answer = QuestionResolution.Yes },
        }).ToImmutableSortedDictionary(q => q.Id, q => q, Comparer<QuestionId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        var context = new DayContext(day, new EmptyView(SimulatedTime.EndOf(day)), questions, []);
        var briefing = new Tools.DayBriefing(day, null, 0, openQuestions, [], 0, 0, 0);

        var timings = new Dictionary<string, List<double>> { ["submit_forecasts"] = [], ["get_article"] = [], ["list_questions"] = [] };
        for (var pass = 0; pass < 2; pass++)
        {
            // Pass 0 warms up; pass 1 is measured. A new session per 500 calls keeps the buffer realistic.
            AgentDaySession? session = null;
            foreach (var list in timings.Values)
            {
                list.Clear();
            }

            for (var i = 0; i < calls; i++)
            {
                if (i % 500 == 0)
                {
                    session?.Close();
                    session = new AgentDaySession(context, new AgentLedger("bench"), briefing);
                }

                var id = $"q{i % openQuestions:D5}";
                var started = Stopwatch.GetTimestamp();
                var tool = (i % 10) switch
                {
                    0 => Measure(() => session!.ListQuestions(), "list_questions"),
                    < 5 => Measure(() => session!.GetArticle("wce-" + i), "get_article"),
                    _ => Measure(() => session!.SubmitForecasts(id, new Dictionary<string, double> { [i % 20 < 10 ? "Yes" : "Answer"] = 0.25 }), "submit_forecasts"),
                };
                timings[tool].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        timings["all calls"] = [.. timings.Values.SelectMany(t => t)];
        return new ToolOverheadReport(openQuestions, calls, timings.ToImmutableSortedDictionary(
            t => t.Key, t => new LatencySummary(Percentile(t.Value, 0.5), Percentile(t.Value, 0.95), Percentile(t.Value, 0.99))));
    }

    private static string Measure(Action call, string name)
    {
        call();
        return name;
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private sealed class EmptyView(DateTimeOffset asOf) : ICorpusView
    {
        public DateTimeOffset AsOf => asOf;

        public CorpusSearchResult Search(NewsQuery query) => new([], []);

        public Article? Find(ArticleId id) => null;

        public int CountArrivedSince(DateTimeOffset after) => 0;

        public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => [];
    }
}

/// <summary>Latency percentiles in microseconds.</summary>
public sealed record LatencySummary(double P50, double P95, double P99);

/// <summary>Per-tool harness overhead (search excluded) in microseconds.</summary>
public sealed record ToolOverheadReport(int OpenQuestions, int Calls, ImmutableSortedDictionary<string, LatencySummary> Tools);
