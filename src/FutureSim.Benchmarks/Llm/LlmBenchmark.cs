using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Statistics;
using FutureSim.Core.Tools;

namespace FutureSim.Benchmarks.Llm;

/// <summary>
/// Measures the harness with many <c>llm</c> agents (<c>futuresim bench llm</c>): a local
/// chat-completions server answers every call after a fixed latency with a scripted forecaster (four
/// model calls per agent and day), and the real runner drives all agents concurrently over the given
/// corpus and questions. Nothing leaves the machine. By default a small unmeasured run warms up first.
/// </summary>
public static class LlmBenchmark
{
    public static async Task<LlmBenchmarkReport> RunAsync(
        LlmBenchmarkOptions options, ITimeGatedCorpus corpus, IReadOnlyList<Question> questions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        if (questions.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one question.", nameof(questions));
        }

        if (options.WarmUp)
        {
            await RunAsync(options with { Latency = TimeSpan.Zero, WarmUp = false, WorkDirectory = null }, corpus, questions, cancellationToken);

            // Let background JIT recompilation of the hot paths finish and start from a clean heap.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var start = options.Start ?? questions.Min(q => SimulatedTime.DayOf(q.OpensAt));
        var directory = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "futuresim-bench-llm-" + Guid.NewGuid().ToString("N"));
        var timings = new ConcurrentBag<(string Tool, TimeSpan Elapsed)>();
        try
        {
            await using var server = ChatCompletionServer.Start(request => ScriptedForecaster.Respond(request).After(options.Latency));
            using var factory = BenchmarkFactories.Create(options.Kind, (tool, elapsed) => timings.Add((tool, elapsed)));
            var specs = Enumerable.Range(1, options.Agents).Select(i => new AgentSpec
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"llm-{i:000}"),
                Kind = options.Kind,
                Settings = new Dictionary<string, string>
                {
                    ["Endpoint"] = server.Endpoint.ToString(),
                    ["Model"] = string.Create(CultureInfo.InvariantCulture, $"bench-{i:000}"),
                    ["RequestTimeout"] = options.RequestTimeout.ToString("c", CultureInfo.InvariantCulture),
                    ["MaxRetries"] = options.MaxRetries.ToString(CultureInfo.InvariantCulture),
                }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            }).ToArray();
            var manifest = new RunManifest
            {
                RunId = "bench-llm",
                Status = RunStatus.Running,
                Simulation = new SimulationSettings
                {
                    Start = start,
                    End = start.AddDays(options.Days - 1),
                    MaxConcurrentAgents = options.Agents,
                    AgentDayTimeout = TimeSpan.FromMinutes(5),
                },
                Corpus = corpus.Identity,
                QuestionSets = [new QuestionSetInfo("bench", "in-memory", "", questions.Count)],
                Agents = [.. specs],
            };
            var folder = RunFolder.Create(Path.Combine(directory, "run"), manifest, questions);
            var agents = specs
                .Select(s => new AgentRegistration(s, factory.Create(s, new AgentEnvironment(folder.AgentDirectory(s.Name), TimeProvider.System))))
                .ToArray();

            var watch = Stopwatch.StartNew();
            try
            {
                await new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System).RunAsync(folder, agents, null, cancellationToken);
            }
            finally
            {
                foreach (var agent in agents)
                {
                    (agent.Agent as IDisposable)?.Dispose();
                }
            }

            var wall = watch.Elapsed;

            var requests = server.Requests;
            var sequential = requests.Count == 0 ? 0 : requests.GroupBy(r => r.Model).Max(g => g.Count());
            var events = RunFolderReader.ReadEvents(folder.EventsPath).ToArray();
            var tools = timings.Where(t => t.Tool != ToolNames.SearchNews).Select(t => t.Elapsed.TotalMilliseconds).Order().ToArray();
            var searches = timings.Where(t => t.Tool == ToolNames.SearchNews).Select(t => t.Elapsed.TotalMilliseconds).Order().ToArray();
            return new LlmBenchmarkReport(
                options.Kind, options.Agents, options.Days, options.Latency, requests.Count, sequential, timings.Count, events.Count(e => e is AgentFailed),
                wall, options.Latency * sequential, Milliseconds(tools, 0.5), Milliseconds(tools, 0.95), Milliseconds(searches, 0.5));
        }
        finally
        {
            if (options.WorkDirectory is null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static TimeSpan Milliseconds(double[] sorted, double q) => TimeSpan.FromMilliseconds(Quantile.NearestRank(sorted, q));
}
