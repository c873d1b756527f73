using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;

namespace FutureSim.Benchmarks.Tools;

/// <summary>
/// Measures the harness's own cost per tool call on the path model-driven agents take: the real runner gives each
/// agent its day's tools, and the agent calls them by name with JSON arguments through <see cref="ToolInvoker"/>
/// (argument parsing, the tool, the rendered reply) — <c>list_questions</c>, <c>get_article</c> on articles a search
/// returned, and <c>submit_forecasts</c> on open questions — then the day's events are recorded as in any run.
/// </summary>
public static class ToolCallBenchmark
{
    public static async Task<ToolCallBenchmarkReport> RunAsync(
        ITimeGatedCorpus corpus, IReadOnlyList<Question> questions, ToolCallBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Calls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CallsPerAgent, 1);
        var open = BenchmarkDay.OpenQuestions(questions, options.Day);
        var agents = (options.Calls + options.CallsPerAgent - 1) / options.CallsPerAgent;
        var names = Enumerable.Range(0, agents + 1).Select(i => i == 0 ? "warm-up" : string.Create(CultureInfo.InvariantCulture, $"agent-{i:D3}")).ToArray();
        var root = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "futuresim-bench-tools-" + Guid.NewGuid().ToString("N"));

        // One agent at a time: each call is timed alone.
        var folder = BenchmarkDay.CreateRun(root, "bench-tools", options.Day, corpus, open, names, "bench", concurrency: 1);
        try
        {
            var timings = new ConcurrentBag<(string Tool, double Microseconds)>();
            var outcome = new Tally();
            var budgets = names.Select((_, i) => i == 0 ? options.WarmUpCalls : Math.Min(options.CallsPerAgent, options.Calls - ((i - 1) * options.CallsPerAgent))).ToArray();
            var registrations = names.Select((name, i) => new AgentRegistration(new AgentSpec { Name = name, Kind = "bench" }, new CallingAgent(open, budgets[i], i, i == 0 ? null : timings, outcome))).ToArray();
            await new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System).RunAsync(folder, registrations, null, cancellationToken);

            var recorded = RunFolderReader.ReadEvents(folder.EventsPath).Count(e => e is ToolCalled);
            var tools = timings.GroupBy(t => t.Tool)
                .Select(g => KeyValuePair.Create(g.Key, LatencySummary.Of(g.Select(t => t.Microseconds))))
                .Append(KeyValuePair.Create("all calls", LatencySummary.Of(timings.Select(t => t.Microseconds))))
                .ToImmutableSortedDictionary(StringComparer.Ordinal);
            return new ToolCallBenchmarkReport(open.Length, timings.Count, tools, outcome.Errors, outcome.ArticleMisses, outcome.Calls, recorded);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>What the agents saw, counted across them (agents act one at a time).</summary>
    private sealed class Tally
    {
        public int Calls;
        public int Errors;
        public int ArticleMisses;
    }

    /// <summary>
    /// Makes its calls like a model would, by name with JSON arguments: first one search for articles to read
    /// (not measured), then list_questions, get_article and submit_forecasts in the proportions 1 : 4 : 5.
    /// </summary>
    private sealed class CallingAgent(Question[] open, int calls, int seed, ConcurrentBag<(string Tool, double Microseconds)>? timings, Tally tally) : IForecastingAgent
    {
        public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
        {
            var search = Call(tools, ToolNames.SearchNews, BenchmarkDay.Arguments(new { query = string.Join(' ', open.Take(5).Select(q => q.Title)), max_results = 10 }), measure: false);
            var ids = ArticleIds(search.Text);
            var random = new Random(seed);
            for (var i = 0; i < calls; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (tool, arguments) = (i % 10) switch
                {
                    0 => (ToolNames.ListQuestions, BenchmarkDay.Arguments(new { })),
                    < 5 when ids.Length > 0 => (ToolNames.GetArticle, BenchmarkDay.Arguments(new { id = ids[random.Next(ids.Length)] })),
                    < 5 => (ToolNames.GetArticle, BenchmarkDay.Arguments(new { id = "no-article-was-found" })),
                    _ => (ToolNames.SubmitForecasts, BenchmarkDay.Submission(open[random.Next(open.Length)], Math.Round(random.NextDouble() * 0.9, 3))),
                };
                var reply = Call(tools, tool, arguments, measure: true);
                if (tool == ToolNames.GetArticle && reply.IsError)
                {
                    Interlocked.Increment(ref tally.ArticleMisses);
                }
            }

            return Task.CompletedTask;
        }

        private ToolReply Call(IForecastingTools tools, string tool, Dictionary<string, JsonElement> arguments, bool measure)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = ToolInvoker.Invoke(tools, tool, arguments);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (measure)
            {
                timings?.Add((tool, elapsed));
            }

            Interlocked.Increment(ref tally.Calls);
            if (reply.IsError && tool != ToolNames.GetArticle)
            {
                Interlocked.Increment(ref tally.Errors);
            }

            return reply;
        }

        /// <summary>The article ids of a rendered search result (its <c>id: …</c> lines).</summary>
        private static string[] ArticleIds(string text) =>
            [.. text.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => l[4..].Split(' ')[0])];
    }
}
