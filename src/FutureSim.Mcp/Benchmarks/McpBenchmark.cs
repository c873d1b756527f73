using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Benchmarks;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Relay;
using FutureSim.Mcp.Sessions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FutureSim.Mcp.Benchmarks;

/// <summary>
/// Load-tests the MCP path end to end (<c>futuresim bench mcp</c>): a one-day simulation with one agent per client,
/// each client connected over loopback TCP exactly as CLI agents are (handshake, then MCP), alternating
/// <c>search_news</c> and <c>submit_forecasts</c> calls through the real tool surface and recording, and finally
/// <c>next_day</c>, so the runner writes the whole day's events. Not a unit test: numbers depend on the machine.
/// </summary>
public static class McpBenchmark
{
    public static async Task<McpBenchmarkReport> RunAsync(
        ITimeGatedCorpus corpus, IReadOnlyList<Question> questions, McpBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var open = questions.Where(q => q.OpensAt <= SimulatedTime.EndOf(options.Day) && q.ResolutionDate > options.Day).ToArray();
        if (open.Length == 0)
        {
            throw new ArgumentException($"No question is open on {options.Day:yyyy-MM-dd}; choose a day inside the question set's window.");
        }

        var root = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "futuresim-bench-mcp-" + Guid.NewGuid().ToString("N"));
        var names = Enumerable.Range(1, options.Clients).Select(i => $"client-{i:D2}").ToArray();
        var folder = RunFolder.Create(root, new RunManifest
        {
            RunId = "bench-mcp",
            Status = RunStatus.Running,
            Simulation = new SimulationSettings
            {
                Start = options.Day, End = options.Day, MaxConcurrentAgents = options.Clients, AgentDayTimeout = TimeSpan.FromHours(1),
            },
            Corpus = corpus.Identity,
            QuestionSets = [new QuestionSetInfo("bench", "", "", questions.Count)],
            Agents = [.. names.Select(n => new AgentSpec { Name = n, Kind = "mcp" })],
        }, questions);

        try
        {
            await using var host = new LoopbackMcpHost(null);
            var agents = names.Select(_ => new McpClientAgent()).ToArray();
            var secrets = names.Select((n, i) => host.Register(n, agents[i].HandOff, NextDayMode.WaitForNextDay)).ToArray();
            var runner = new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = RunThenCompleteAsync();
            async Task RunThenCompleteAsync()
            {
                try
                {
                    await runner.RunAsync(folder, [.. names.Select((n, i) => new AgentRegistration(new AgentSpec { Name = n, Kind = "mcp" }, agents[i]))], null, stop.Token);
                }
                finally
                {
                    // Releases the clients waiting in next_day.
                    foreach (var agent in agents)
                    {
                        agent.Complete();
                    }
                }
            }

            var queries = open.Select(q => q.Title).ToArray();
            var started = Stopwatch.GetTimestamp();
            ClientResult[] results;
            try
            {
                results = await Task.WhenAll(secrets.Select((secret, i) =>
                    Task.Run(() => ClientAsync(host.Port, secret, i, open, queries, options, cancellationToken), cancellationToken)));
            }
            catch
            {
                // A client that died would leave its agent's day open until the day's time limit.
                await stop.CancelAsync();
                await run.ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            await run;

            var timings = results.SelectMany(r => r.Timings).GroupBy(t => t.Tool)
                .ToImmutableSortedDictionary(g => g.Key, g => Summarise([.. g.Select(t => t.Microseconds)]), StringComparer.Ordinal);
            return new McpBenchmarkReport(options.Clients, results.Sum(r => r.Timings.Count), results.Sum(r => r.Errors), elapsed, timings);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ClientResult> ClientAsync(
        int port, string secret, int index, Question[] open, string[] queries, McpBenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var stream = await McpRelay.ConnectAsync(port, secret, cancellationToken);
        await using var client = await McpClient.CreateAsync(new StreamClientTransport(stream, stream), cancellationToken: cancellationToken);
        var timings = new List<(string Tool, double Microseconds)>(options.CallsPerClient);
        var errors = 0;
        var random = new Random(index);

        // Arguments are prepared as JSON up front so that the clients spend their time on the protocol, not on reflection.
        var searches = queries.Select(q => Arguments(new { query = q, max_results = 5 })).ToArray();
        for (var i = -options.WarmUpCallsPerClient; i < options.CallsPerClient; i++)
        {
            var request = i % 2 == 0
                ? new CallToolRequestParams { Name = ToolNames.SearchNews, Arguments = searches[random.Next(searches.Length)] }
                : new CallToolRequestParams { Name = ToolNames.SubmitForecasts, Arguments = Submission(open[random.Next(open.Length)], random.NextDouble() * 0.9) };
            var started = Stopwatch.GetTimestamp();
            bool failed;
            try
            {
                var result = await client.CallToolAsync(request, cancellationToken);
                failed = result.IsError == true || result.Content.Count == 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed = true;
            }

            if (i >= 0)
            {
                timings.Add((request.Name, Stopwatch.GetElapsedTime(started).TotalMicroseconds));
                errors += failed ? 1 : 0;
            }
        }

        await client.CallToolAsync(ToolNames.NextDay, cancellationToken: cancellationToken);
        return new ClientResult(timings, errors);
    }

    private static Dictionary<string, JsonElement> Submission(Question question, double p) => Arguments(new
    {
        question_id = question.Id.Value,
        outcomes = question.Kind switch
        {
            QuestionKind.Binary => new Dictionary<string, double> { [QuestionResolution.Yes] = p },
            QuestionKind.MultipleChoice => new Dictionary<string, double> { [question.Options[0]] = p },
            _ => new Dictionary<string, double> { ["An answer"] = p },
        },
    });

    private static Dictionary<string, JsonElement> Arguments(object arguments) =>
        JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    private static LatencySummary Summarise(double[] values)
    {
        Array.Sort(values);
        double At(double q) => values[Math.Min(values.Length - 1, Math.Max(0, (int)Math.Ceiling(q * values.Length) - 1))];
        return new LatencySummary(At(0.50), At(0.95), At(0.99));
    }

    private sealed record ClientResult(List<(string Tool, double Microseconds)> Timings, int Errors);
}
