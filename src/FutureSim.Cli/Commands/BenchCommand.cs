using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FutureSim.Agents.Llm;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Benchmarks;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Benchmarks;
using FutureSim.Corpus.Questions;
using FutureSim.Mcp.Benchmarks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim bench …</c>: measurements of the product's speed targets, printed as text or JSON.</summary>
internal static class BenchCommand
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print the report as JSON." };

    public static Command Create()
    {
        var command = new Command("bench", "Measure speed: retrieval, harness tool-call overhead, llm agents, scoring, MCP under concurrent clients, the CLI agents' sandbox.");
        command.Add(Retrieval());
        command.Add(Tools());
        command.Add(Llm());
        command.Add(Scoring());
        command.Add(Mcp());
        command.Add(Semantic());
        command.Add(SandboxBenchCommand.Create());
        return command;
    }

    private static Command Semantic()
    {
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes (chunks), comma-separated.", DefaultValueFactory = _ => "117327,1000000,7360000" };
        var queries = new Option<int>("--queries") { Description = "Timed top-10 queries per size and instant.", DefaultValueFactory = _ => 100 };
        var lists = new Option<int>("--lists") { Description = "With --approximate: clusters of the approximate index.", DefaultValueFactory = _ => 256 };
        var probes = new Option<int>("--probes") { Description = "With --approximate: clusters scanned per query.", DefaultValueFactory = _ => 16 };
        var approximate = new Option<bool>("--approximate") { Description = "Measure the clustered (approximate, gate-exact) index against exact search at the first size: recall@10 and latency." };
        var command = new Command("semantic", "Exact time-gated dense search on synthetic 384-dimension vectors at growing sizes over FutureSim's calendar: p50/p99 per instant.") { sizes, queries, approximate, lists, probes, Json };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(approximate))
            {
                var size = int.Parse(parse.GetValue(sizes)!.Split(',')[0], CultureInfo.InvariantCulture);
                var approximateRows = DenseSearchBenchmark.RunApproximate(size, parse.GetValue(lists), parse.GetValue(probes), parse.GetValue(queries), TimeProvider.System, cancellationToken);
                Print(approximateRows, parse.GetValue(Json), r => r.Select(row => (
                    Invariant($"{row.Chunks:N0} chunks, {row.Lists} lists, {row.Probes} probed, as of {row.AsOf:yyyy-MM-dd}"),
                    Invariant($"recall@10 {row.RecallAt10:0.000}, p50 {row.P50Milliseconds:0.00} ms  p99 {row.P99Milliseconds:0.00} ms (exact p50 {row.ExactP50Milliseconds:0.00} ms; clustering {row.ClusterSeconds:0.0} s)"))));
                return Task.FromResult(CommandHost.Success);
            }

            var sizeList = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var rows = DenseSearchBenchmark.Run(sizeList, parse.GetValue(queries), TimeProvider.System, cancellationToken);
            Print(rows, parse.GetValue(Json), r => r.Select(row => (
                Invariant($"{row.Chunks:N0} chunks, as of {row.AsOf:yyyy-MM-dd}"),
                Invariant($"{row.Visible:N0} visible, {row.Bytes / 1048576.0:N0} MB, p50 {row.P50Milliseconds:0.00} ms  p99 {row.P99Milliseconds:0.00} ms"))));
            return Task.FromResult(CommandHost.Success);
        });
        return command;
    }

    /// <summary>Writes a report as indented snake_case JSON or as aligned text lines.</summary>
    public static void Print<T>(T report, bool json, Func<T, IEnumerable<(string Label, string Value)>> lines)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, RunFormat.IndentedJson));
            return;
        }

        var rows = lines(report).ToArray();
        var width = rows.Max(r => r.Label.Length);
        foreach (var (label, value) in rows)
        {
            Console.Out.WriteLine($"{label.PadRight(width)}  {value}");
        }
    }

    /// <summary>The corpus the retrieval benchmark indexes by default: the bundled and the benchmark news.</summary>
    public static IReadOnlyList<string> BenchmarkCorpus { get; } =
        ["corpora/news-wikipedia-current-events-2025-2026.jsonl.gz", "corpora/benchmark/news-wikipedia-current-events-2002-2024.jsonl.gz"];

    private static Command Retrieval()
    {
        var queries = new Option<string>("--queries") { Description = "Queries, one JSON object per line: {\"query\": \"…\", \"as_of\": \"<ISO-8601>\", \"top\": 10} (e.g. corpora/benchmark/retrieval-queries.jsonl).", Required = true };
        var corpus = CorpusOptionsCli.Corpus();
        var command = new Command("retrieval", "Build a fresh index of the corpus and time time-gated queries after a warm-up pass.") { queries, corpus, Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var files = (CommonOptions.List(parse.GetValue(corpus)) ?? BenchmarkCorpus).Select(project.Resolve).ToArray();
            var index = Path.Combine(Path.GetTempPath(), "futuresim-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                var report = RetrievalBenchmark.Run(
                    files, project.Resolve(parse.GetValue(queries)!), index, host.Service<TimeProvider>(), null,
                    host.Service<ILogger<RetrievalBenchmarkReport>>(), ct);
                Print(report, parse.GetValue(Json), r =>
                [
                    ("documents", Invariant($"{r.DocumentsIndexed:N0}")),
                    ("build", Invariant($"{r.BuildSeconds:0.00} s, {r.DocumentsPerSecond:N0} docs/s")),
                    ("index size", Invariant($"{r.IndexBytes / 1024.0 / 1024.0:0.0} MB")),
                    ("peak working set", Invariant($"{r.PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB")),
                    ("queries", Invariant($"{r.Queries:N0} (after a warm-up pass)")),
                    ("latency", Invariant($"p50 {r.P50Milliseconds:0.000} ms  p95 {r.P95Milliseconds:0.000} ms  p99 {r.P99Milliseconds:0.000} ms")),
                    ("throughput", Invariant($"{r.QueriesPerSecond:N0} queries/s")),
                    ("cutoff violations", Invariant($"{r.CutoffViolations}")),
                ]);
                return Task.FromResult(report.CutoffViolations == 0 ? CommandHost.Success : CommandHost.Failure);
            }
            finally
            {
                if (Directory.Exists(index))
                {
                    Directory.Delete(index, recursive: true);
                }
            }
        }, cancellationToken));
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Command Llm()
    {
        var agents = new Option<int>("--agents") { Description = "Concurrent llm agents.", DefaultValueFactory = _ => 32 };
        var days = new Option<int>("--days") { Description = "Simulated days.", DefaultValueFactory = _ => 10 };
        var latency = new Option<int>("--latency-ms") { Description = "How long the local chat server takes to answer each call.", DefaultValueFactory = _ => 300 };
        var kind = new Option<string>("--kind") { Description = "Agent kind: llm, semantic-kernel or agent-framework.", DefaultValueFactory = _ => LlmAgentFactory.KindName };
        kind.AcceptOnlyFromAmong(LlmAgentFactory.KindName, Agents.Frameworks.FrameworkAgentFactory.SemanticKernelKind, Agents.Frameworks.FrameworkAgentFactory.AgentFrameworkKind);
        var command = new Command("llm", "Many agents driven by a chat model (llm, semantic-kernel, agent-framework) against a local OpenAI-compatible server on 127.0.0.1: wall time against the ideal and harness overhead per tool call.")
        {
            agents, days, latency, kind,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var simulation = host.Service<IOptions<SimulationOptions>>().Value;
            var corpusOptions = host.Service<IOptions<CorpusOptions>>().Value;
            using var corpus = await host.Service<CorpusOpener>().OpenAsync(corpusOptions.Files, corpusOptions.Visibility, ct);
            var questions = QuestionSetLoader.LoadMany(
                simulation.QuestionSets.Select(f => new QuestionFileSource(project.Resolve(f))),
                new QuestionLoadOptions { DefaultOpensAt = SimulatedTime.StartOf(simulation.Start) }).SelectMany(s => s.Questions).ToArray();
            var report = await LlmBenchmark.RunAsync(
                new LlmBenchmarkOptions { Kind = parse.GetValue(kind)!, Agents = parse.GetValue(agents), Days = parse.GetValue(days), Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)) },
                corpus, questions, ct);
            await Console.Out.WriteLineAsync(report.ToString());
            return CommandHost.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Scoring()
    {
        var runs = new Option<int>("--runs") { Description = "Run folders (one agent configuration each).", DefaultValueFactory = _ => 25 };
        var questions = new Option<int>("--questions") { Description = "Free-form questions per run.", DefaultValueFactory = _ => 330 };
        var days = new Option<int>("--days") { Description = "Simulated days (daily snapshots).", DefaultValueFactory = _ => 95 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 1000 };
        var command = new Command("scoring", "Score generated runs at FutureSim's scale and build the bootstrap leaderboard.") { runs, questions, days, resamples, Json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await ScoringBenchmark.RunAsync(parse.GetValue(runs), parse.GetValue(questions), parse.GetValue(days), parse.GetValue(resamples), cancellationToken);
            Print(report, parse.GetValue(Json), r =>
            [
                ("input", Invariant($"{r.Runs} runs × {r.Questions} questions × {r.Days} days, {r.Forecasts:N0} forecasts")),
                ("scoring", Invariant($"{r.ScoringSeconds:0.000} s")),
                ("leaderboard", Invariant($"{r.LeaderboardSeconds:0.000} s ({r.Resamples} bootstrap resamples)")),
                ("total", Invariant($"{r.TotalSeconds:0.000} s")),
                ("rendering", Invariant($"{r.RenderingSeconds:0.000} s (md + csv + json)")),
            ]);
            return CommandHost.Success;
        });
        return command;
    }

    private static Command Tools()
    {
        var questions = new Option<int>("--open-questions") { Description = "Open questions on the simulated day.", DefaultValueFactory = _ => 300 };
        var calls = new Option<int>("--calls") { Description = "Tool calls to time.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("tools", "Harness overhead per tool call (validation, market view, recording), search excluded.") { questions, calls, Json };
        command.SetAction(parse =>
        {
            var report = ToolOverheadBenchmark.Run(parse.GetValue(questions), parse.GetValue(calls));
            Print(report, parse.GetValue(Json), r => r.Tools.Select(t => (
                t.Key,
                string.Create(CultureInfo.InvariantCulture, $"p50 {t.Value.P50:0.0} µs  p95 {t.Value.P95:0.0} µs  p99 {t.Value.P99:0.0} µs"))));
            return CommandHost.Success;
        });
        return command;
    }

    private static Command Mcp()
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent MCP clients.", DefaultValueFactory = _ => 16 };
        var calls = new Option<int>("--calls") { Description = "Measured tool calls per client (search_news and submit_forecasts alternating).", DefaultValueFactory = _ => 1000 };
        var day = new Option<string>("--day") { Description = "Simulated day the clients act on, YYYY-MM-DD (default: the day with the most open questions)." };
        var corpus = new Option<string[]>("--corpus") { Description = "News files to use instead of Corpus:Files.", AllowMultipleArgumentsPerToken = true };
        var questions = new Option<string[]>("--questions") { Description = "Question files to use instead of Simulation:QuestionSets.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("mcp", "Concurrent MCP clients over loopback, each calling the tools of its own agent; p50/p95/p99 per tool.")
        {
            clients, calls, day, corpus, questions, Json,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var simulation = host.Service<IOptions<SimulationOptions>>().Value;
            var corpusOptions = host.Service<IOptions<CorpusOptions>>().Value;
            var loadOptions = new QuestionLoadOptions
            {
                InvalidRecords = simulation.SkipInvalid ? InvalidRecordHandling.Skip : InvalidRecordHandling.Fail,
                DefaultOpensAt = SimulatedTime.StartOf(simulation.Start.AddDays(-simulation.LookbackDays)),
            };
            var files = CommonOptions.List(parse.GetValue(questions)) ?? simulation.QuestionSets;
            var loaded = QuestionSetLoader.LoadMany(files.Select(f => new QuestionFileSource(project.Resolve(f))), loadOptions)
                .SelectMany(set => set.Questions).ToArray();
            var benchDay = parse.GetValue(day) is { } given
                ? DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : BusiestDay(loaded, simulation.Start, simulation.End);
            using var news = await host.Service<CorpusOpener>().OpenAsync(
                CommonOptions.List(parse.GetValue(corpus)) ?? corpusOptions.Files, corpusOptions.Visibility, ct);
            var report = await McpBenchmark.RunAsync(
                news, loaded, new McpBenchmarkOptions { Clients = parse.GetValue(clients), CallsPerClient = parse.GetValue(calls), Day = benchDay }, ct);
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, RunFormat.IndentedJson));
            }
            else
            {
                Console.Out.Write(report.Render());
            }

            return report.MeetsTarget ? CommandHost.Success : CommandHost.Failure;
        }, cancellationToken));
        return command;
    }

    private static DateOnly BusiestDay(IReadOnlyList<Question> questions, DateOnly start, DateOnly end)
    {
        var best = start;
        var most = -1;
        for (var d = start; d <= end; d = d.AddDays(7))
        {
            var open = questions.Count(q => q.OpensAt <= SimulatedTime.EndOf(d) && q.ResolutionDate > d);
            if (open > most)
            {
                (best, most) = (d, open);
            }
        }

        return best;
    }
}
