using System.Collections.Immutable;
using System.Diagnostics;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Relay;

namespace FutureSim.Benchmarks.Mcp;

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
        var open = BenchmarkDay.OpenQuestions(questions, options.Day);
        var root = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "futuresim-bench-mcp-" + Guid.NewGuid().ToString("N"));
        var names = Enumerable.Range(1, options.Clients).Select(i => $"client-{i:D2}").ToArray();
        var folder = BenchmarkDay.CreateRun(root, "bench-mcp", options.Day, corpus, questions, names, "mcp", options.Clients);

        try
        {
            await using var host = new LoopbackAgents();
            var added = names.Select(host.Add).ToArray();
            var secrets = added.Select(a => a.Secret).ToArray();
            var runner = new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = RunThenCompleteAsync();
            async Task RunThenCompleteAsync()
            {
                try
                {
                    await runner.RunAsync(folder, [.. names.Select((n, i) => new AgentRegistration(new AgentSpec { Name = n, Kind = "mcp" }, added[i].Agent))], null, stop.Token);
                }
                finally
                {
                    host.CompleteAll(); // releases the clients waiting in next_day
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
                .ToImmutableSortedDictionary(g => g.Key, g => LatencySummary.Of(g.Select(t => t.Microseconds)), StringComparer.Ordinal);
            return new McpBenchmarkReport(options.Clients, results.Sum(r => r.Timings.Count), results.Sum(r => r.Errors), elapsed, timings, options.TargetP99Milliseconds);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ClientResult> ClientAsync(
        int port, string secret, int index, Question[] open, string[] queries, McpBenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var client = await LoopbackToolClient.ConnectAsync(port, secret, cancellationToken);
        var timings = new List<(string Tool, double Microseconds)>(options.CallsPerClient);
        var errors = 0;
        var random = new Random(index);

        // Arguments are prepared as JSON up front so that the clients spend their time on the protocol, not on reflection.
        var searches = queries.Select(q => BenchmarkDay.Arguments(new { query = q, max_results = 5 })).ToArray();
        for (var i = -options.WarmUpCallsPerClient; i < options.CallsPerClient; i++)
        {
            var (tool, arguments) = i % 2 == 0
                ? (ToolNames.SearchNews, searches[random.Next(searches.Length)])
                : (ToolNames.SubmitForecasts, BenchmarkDay.Submission(open[random.Next(open.Length)], random.NextDouble() * 0.9));
            var started = Stopwatch.GetTimestamp();
            bool failed;
            try
            {
                failed = (await client.CallAsync(tool, arguments, cancellationToken)).IsError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed = true;
            }

            if (i >= 0)
            {
                timings.Add((tool, Stopwatch.GetElapsedTime(started).TotalMicroseconds));
                errors += failed ? 1 : 0;
            }
        }

        await client.CallAsync(ToolNames.NextDay, null, cancellationToken);
        return new ClientResult(timings, errors);
    }

    private sealed record ClientResult(List<(string Tool, double Microseconds)> Timings, int Errors);
}
