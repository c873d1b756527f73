using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Collections.Immutable;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.Llm;
using FutureSim.Benchmarks.Mcp;
using FutureSim.Benchmarks.Retrieval;
using FutureSim.Benchmarks.Sandbox;
using FutureSim.Benchmarks.Scoring;
using FutureSim.Benchmarks.Tools;
using FutureSim.Cli.Configuration;
using FutureSim.Cli.Running;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim bench …</c>: measurements of the product's speed targets (FutureSim.Benchmarks), printed as text or
/// JSON. Each benchmark also checks what it measured; a failed check is printed and the exit code is 1.
/// </summary>
internal static class BenchCommand
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print the report as JSON." };

    public static Command Create()
    {
        var command = new Command("bench", "Measure speed: retrieval, harness tool-call overhead, llm agents, scoring, MCP under concurrent clients, the CLI agents' sandbox, sweeps on a cluster, the run viewer.");
        command.Add(Retrieval());
        command.Add(Tools());
        command.Add(Llm());
        command.Add(Scoring());
        command.Add(Mcp());
        command.Add(Semantic());
        command.Add(Scale());
        command.Add(Sandbox());
        command.Add(SweepBenchCommand.Create());
        command.Add(ViewerBenchCommand.Create());
        return command;
    }

    private static Command Semantic()
    {
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes (chunks), comma-separated.", DefaultValueFactory = _ => "117327,1000000,7360000" };
        var queries = new Option<int>("--queries") { Description = "Timed top-10 queries per size and instant.", DefaultValueFactory = _ => 100 };
        var lists = new Option<int>("--lists") { Description = "With --approximate: clusters of the approximate index.", DefaultValueFactory = _ => 256 };
        var probes = new Option<int>("--probes") { Description = "With --approximate: clusters scanned per query.", DefaultValueFactory = _ => 16 };
        var approximate = new Option<bool>("--approximate") { Description = "Measure the clustered (approximate, gate-exact) index against exact search at the first size: recall@10 and latency." };
        var vectors = new Option<string?>("--vectors") { Description = "With --approximate: measure on the real embeddings of this vector file (e.g. corpora/vectors/local_snowflake-arctic-embed-xs.fsv), some held out as queries, instead of synthetic vectors." };
        var minimumRecall = new Option<double>("--min-recall") { Description = "With --approximate: the recall@10 against exact search each instant must reach, or the check fails.", DefaultValueFactory = _ => 0.9 };
        var command = new Command("semantic", "Exact time-gated dense search on synthetic 384-dimension vectors at growing sizes over FutureSim's calendar: p50/p99 per instant; checks that no result is visible after the instant and that k results come back whenever k are visible.") { sizes, queries, approximate, lists, probes, vectors, minimumRecall, Json };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(approximate))
            {
                var size = int.Parse(parse.GetValue(sizes)!.Split(',')[0], CultureInfo.InvariantCulture);
                var approximateReport = DenseSearchBenchmark.RunApproximate(size, parse.GetValue(lists), parse.GetValue(probes), parse.GetValue(queries), parse.GetValue(minimumRecall), TimeProvider.System, cancellationToken, parse.GetValue(vectors));
                return Task.FromResult(Print(approximateReport, parse.GetValue(Json), approximateReport.Problems, r => r.Rows.Select(row => (
                    Invariant($"{row.Chunks:N0} chunks, {row.Lists} lists, {row.Probes} probed, as of {row.AsOf:yyyy-MM-dd}"),
                    Invariant($"recall@10 {row.RecallAt10:0.000} (floor {r.MinimumRecall:0.000}), p50 {row.P50Milliseconds:0.00} ms  p99 {row.P99Milliseconds:0.00} ms (exact p50 {row.ExactP50Milliseconds:0.00} ms; clustering {row.ClusterSeconds:0.0} s), {row.CutoffViolations} cutoff violations, {row.ShortResults} short results")))));
            }

            var sizeList = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var report = DenseSearchBenchmark.Run(sizeList, parse.GetValue(queries), TimeProvider.System, cancellationToken);
            return Task.FromResult(Print(report, parse.GetValue(Json), report.Problems, r => r.Rows.Select(row => (
                Invariant($"{row.Chunks:N0} chunks, as of {row.AsOf:yyyy-MM-dd}"),
                Invariant($"{row.Visible:N0} visible, {row.Bytes / 1048576.0:N0} MB, p50 {row.P50Milliseconds:0.00} ms  p99 {row.P99Milliseconds:0.00} ms, {row.CutoffViolations} cutoff violations, {row.ShortResults} short results")))));
        });
        return command;
    }

    private static Command Scale()
    {
        var articles = new Option<int>("--articles") { Description = "Synthetic articles (FutureSim's corpus: 7,360,000).", DefaultValueFactory = _ => 7_360_000 };
        var ccNews = new Option<bool>("--ccnews-length") { Description = "Article bodies of about 3,000 characters (several news items) instead of 1.5 items." };
        var queries = new Option<string>("--queries") { Description = "Query texts (their instants are replaced by the first, middle and last day of the simulated window).", DefaultValueFactory = _ => "corpora/benchmark/retrieval-queries.jsonl" };
        var work = new Option<string?>("--work") { Description = "Folder for the corpus file and the index (removed afterwards); a new temporary folder by default." };
        var command = new Command("scale", "The keyword index at FutureSim's scale: write a deterministic synthetic corpus over FutureSim's calendar, build it, time time-gated top-10 queries at three instants.") { articles, ccNews, queries, work, Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var folder = parse.GetValue(work) is { } given ? project.Resolve(given) : Path.Combine(Path.GetTempPath(), "futuresim-scale-" + Guid.NewGuid().ToString("N"));
            try
            {
                var report = ScaleBenchmark.Run(
                    parse.GetValue(articles), parse.GetValue(ccNews), [.. BenchmarkCorpus.Select(project.Resolve)], project.Resolve(parse.GetValue(queries)!),
                    folder, host.Service<TimeProvider>(), host.Service<ILogger<ScaleBenchmarkReport>>(), ct);
                return Task.FromResult(Print(report, parse.GetValue(Json), report.Problems, r =>
                [
                    ("articles", Invariant($"{r.Articles:N0} ({r.InLast88Days:N0} in the last 88 days){(r.CcNewsLength ? ", CCNews-like length" : "")}")),
                    ("corpus file", Invariant($"{r.CorpusBytes / 1048576.0:N0} MB, written in {r.WriteSeconds:0.0} s")),
                    ("build", Invariant($"{r.BuildSeconds:0.0} s, {r.DocumentsPerSecond:N0} docs/s")),
                    ("build processor time", Invariant($"{r.BuildCpuSeconds:0.0} s over all threads")),
                    ("index size", Invariant($"{r.IndexBytes / 1048576.0:N0} MB")),
                    ("peak working set", Invariant($"{r.PeakWorkingSetBytes / 1048576.0:N0} MB after the build, {r.PeakWorkingSetAfterQueriesBytes / 1048576.0:N0} MB after the queries")),
                    .. r.Instants.Select(i => (
                        Invariant($"as of {i.AsOf:yyyy-MM-dd HH:mm}"),
                        Invariant($"{i.Visible:N0} visible, {i.Queries} queries, p50 {i.P50Milliseconds:0.000} ms  p99 {i.P99Milliseconds:0.000} ms, processor {i.CpuMillisecondsPerQuery:0.000} ms/query, {i.CutoffViolations} cutoff violations"))),
                ]));
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Writes a report as indented snake_case JSON or as aligned text lines, then its failed checks (on standard
    /// error); the exit code is <see cref="CommandHost.Failure"/> when a check failed.
    /// </summary>
    public static int Print<T>(T report, bool json, ImmutableArray<string> problems, Func<T, IEnumerable<(string Label, string Value)>> lines)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, RunFormat.IndentedJson));
        }
        else
        {
            var rows = lines(report).ToArray();
            var width = rows.Length == 0 ? 0 : rows.Max(r => r.Label.Length);
            foreach (var (label, value) in rows)
            {
                Console.Out.WriteLine($"{label.PadRight(width)}  {value}");
            }
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine("check failed: " + problem);
        }

        return problems.IsEmpty ? CommandHost.Success : CommandHost.Failure;
    }

    /// <summary>The corpus the retrieval benchmark indexes by default: the bundled and the benchmark news.</summary>
    public static IReadOnlyList<string> BenchmarkCorpus { get; } =
        ["corpora/news-wikipedia-current-events-2025-2026.jsonl.gz", "corpora/benchmark/news-wikipedia-current-events-2002-2024.jsonl.gz"];

    private static Command Retrieval()
    {
        var queries = new Option<string>("--queries") { Description = "Queries, one JSON object per line: {\"query\": \"…\", \"as_of\": \"<ISO-8601>\", \"top\": 10} (e.g. corpora/benchmark/retrieval-queries.jsonl).", Required = true };
        var corpus = CorpusOptionsCli.Corpus();
        var mode = new Option<string>("--mode")
        {
            Description = "keyword (default), semantic or hybrid: semantic and hybrid use the Search:Embeddings model, vectors from its seed files when known (the shipped ones cover the bundled corpus), and embed each query in the warm-up pass.",
            DefaultValueFactory = _ => "keyword",
        };
        mode.AcceptOnlyFromAmong("keyword", "semantic", "hybrid");
        var command = new Command("retrieval", "Build a fresh index of the corpus and time time-gated queries after a warm-up pass.") { queries, corpus, mode, Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), (host, ct) =>
        {
            var project = host.Service<ProjectSettings>();
            var files = (CommonOptions.List(parse.GetValue(corpus)) ?? BenchmarkCorpus).Select(project.Resolve).ToArray();
            var index = Path.Combine(Path.GetTempPath(), "futuresim-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                var searchMode = Enum.Parse<SearchMode>(parse.GetValue(mode)!, ignoreCase: true);
                var search = host.Service<CorpusOpener>().Settings(withEmbeddings: searchMode != SearchMode.Keyword);
                var report = RetrievalBenchmark.Run(
                    files, project.Resolve(parse.GetValue(queries)!), index, search, searchMode, host.Service<TimeProvider>(), null,
                    host.Service<ILogger<RetrievalBenchmarkReport>>(), ct);
                return Task.FromResult(Print(report, parse.GetValue(Json), report.Problems, r =>
                [
                    ("mode", r.Mode.ToString().ToLowerInvariant()),
                    ("documents", Invariant($"{r.DocumentsIndexed:N0}")),
                    ("build", Invariant($"{r.BuildSeconds:0.00} s, {r.DocumentsPerSecond:N0} docs/s")),
                    ("build processor time", Invariant($"{r.BuildCpuSeconds:0.00} s over all threads")),
                    ("index size", Invariant($"{r.IndexBytes / 1024.0 / 1024.0:0.0} MB")),
                    ("peak working set", Invariant($"{r.PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB")),
                    ("queries", Invariant($"{r.Queries:N0} (after a warm-up pass)")),
                    ("latency", Invariant($"p50 {r.P50Milliseconds:0.000} ms  p95 {r.P95Milliseconds:0.000} ms  p99 {r.P99Milliseconds:0.000} ms")),
                    ("warm-up latency", Invariant($"p50 {r.WarmUpP50Milliseconds:0.000} ms  p99 {r.WarmUpP99Milliseconds:0.000} ms (first time each query is seen{(r.Mode == SearchMode.Keyword ? "" : ": its text embedded")})")),
                    ("throughput", Invariant($"{r.QueriesPerSecond:N0} queries/s")),
                    ("cutoff violations", Invariant($"{r.CutoffViolations} (hits checked against the visibility the index stores)")),
                ]));
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

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
            var (corpus, questions, _) = await OpenAsync(host, null, null, ct);
            using (corpus)
            {
                var report = await LlmBenchmark.RunAsync(
                    new LlmBenchmarkOptions { Kind = parse.GetValue(kind)!, Agents = parse.GetValue(agents), Days = parse.GetValue(days), Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)) },
                    corpus, questions, ct);
                await Console.Out.WriteLineAsync(report.ToString());
                return Print(report, json: false, report.Problems, _ => []);
            }
        }, cancellationToken));
        return command;
    }

    private static Command Scoring()
    {
        var configurations = new Option<int>("--configurations") { Description = "Agent configurations (one agent each).", DefaultValueFactory = _ => 9 };
        var seeds = new Option<int>("--seeds") { Description = "Runs (seeds) per configuration.", DefaultValueFactory = _ => 3 };
        var questions = new Option<int>("--questions") { Description = "Free-form questions per run.", DefaultValueFactory = _ => 330 };
        var days = new Option<int>("--days") { Description = "Simulated days (daily snapshots).", DefaultValueFactory = _ => 95 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 1000 };
        var command = new Command("scoring", "Score run folders written at FutureSim's scale (seeds pooled) from disk, build the bootstrap leaderboard and export it.")
        {
            configurations, seeds, questions, days, resamples, Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await ScoringBenchmark.RunAsync(
                new ScoringBenchmarkOptions
                {
                    Configurations = parse.GetValue(configurations), Seeds = parse.GetValue(seeds), Questions = parse.GetValue(questions),
                    Days = parse.GetValue(days), Resamples = parse.GetValue(resamples),
                },
                cancellationToken);
            return Print(report, parse.GetValue(Json), report.Problems, r =>
            [
                ("input", Invariant($"{r.Runs} run folders ({r.Configurations} configurations × {r.Seeds} seeds) × {r.Questions} questions × {r.Days} days, {r.Forecasts:N0} forecasts")),
                ("scoring", Invariant($"{r.ScoringSeconds:0.000} s (read from disk and scored)")),
                ("leaderboard", Invariant($"{r.LeaderboardSeconds:0.000} s ({r.Resamples} bootstrap resamples, {r.Entries} entries)")),
                ("total", Invariant($"{r.TotalSeconds:0.000} s")),
                ("rendering", Invariant($"{r.RenderingSeconds:0.000} s (md + csv + json)")),
            ]);
        });
        return command;
    }

    private static Command Tools()
    {
        var calls = new Option<int>("--calls") { Description = "Tool calls to time.", DefaultValueFactory = _ => 20_000 };
        var day = DayOption();
        var command = new Command("tools", "Harness time per tool call on the agents' path (argument parsing, the tool, the rendered reply), over the configured corpus and questions.")
        {
            calls, day, Json,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var (corpus, questions, busiest) = await OpenAsync(host, null, null, ct);
            using (corpus)
            {
                var report = await ToolCallBenchmark.RunAsync(
                    corpus, questions, new ToolCallBenchmarkOptions { Day = Day(parse.GetValue(day)) ?? busiest, Calls = parse.GetValue(calls) }, ct);
                return Print(report, parse.GetValue(Json), report.Problems, r => r.Tools.Select(t => (
                    t.Key,
                    Invariant($"p50 {t.Value.P50:0.0} µs  p95 {t.Value.P95:0.0} µs  p99 {t.Value.P99:0.0} µs")))
                    .Prepend(("calls", Invariant($"{r.Calls:N0} timed on a day with {r.OpenQuestions:N0} open questions; {r.CallsRecorded:N0} recorded"))));
            }
        }, cancellationToken));
        return command;
    }

    private static Command Mcp()
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent MCP clients.", DefaultValueFactory = _ => 16 };
        var calls = new Option<int>("--calls") { Description = "Measured tool calls per client (search_news and submit_forecasts alternating).", DefaultValueFactory = _ => 1000 };
        var day = DayOption();
        var corpus = new Option<string[]>("--corpus") { Description = "News files to use instead of Corpus:Files.", AllowMultipleArgumentsPerToken = true };
        var questions = new Option<string[]>("--questions") { Description = "Question files to use instead of Simulation:QuestionSets.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("mcp", "Concurrent MCP clients over loopback, each calling the tools of its own agent; p50/p95/p99 per tool.")
        {
            clients, calls, day, corpus, questions, Json,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var (news, loaded, busiest) = await OpenAsync(host, CommonOptions.List(parse.GetValue(corpus)), CommonOptions.List(parse.GetValue(questions)), ct);
            using (news)
            {
                var report = await McpBenchmark.RunAsync(
                    news, loaded, new McpBenchmarkOptions { Clients = parse.GetValue(clients), CallsPerClient = parse.GetValue(calls), Day = Day(parse.GetValue(day)) ?? busiest }, ct);
                if (parse.GetValue(Json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(report, RunFormat.IndentedJson));
                }
                else
                {
                    Console.Out.Write(report.Render());
                }

                return report.MeetsTarget ? CommandHost.Success : CommandHost.Failure;
            }
        }, cancellationToken));
        return command;
    }

    private static Command Sandbox()
    {
        var days = new Option<int>("--days") { Description = "Simulated days per agent.", DefaultValueFactory = _ => 20 };
        var dayLength = new Option<TimeSpan>("--day-length") { Description = "The least time each agent's day lasts (0 measures a sandbox started cold).", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var command = new Command("sandbox", "Time a CLI agent's day start in its bubblewrap sandbox against the same agent unsandboxed; target: median overhead ≤ 100 ms.") { days, dayLength, Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var report = await SandboxBenchmark.RunAsync(
                new SandboxBenchmarkOptions { Days = parse.GetValue(days), DayLength = parse.GetValue(dayLength), ProjectRoot = host.Service<ProjectSettings>().Root }, ct);
            return Print(report, parse.GetValue(Json), report.Problems, r =>
            [
                ("days", Invariant($"{r.Days} per agent, each lasting at least {r.DayLengthSeconds:0.###} s")),
                ("unsandboxed start", Invariant($"p50 {r.Unsandboxed.P50:0.0} ms  p90 {r.Unsandboxed.P90:0.0} ms  max {r.Unsandboxed.Max:0.0} ms")),
                ("sandboxed start", Invariant($"p50 {r.Sandboxed.P50:0.0} ms  p90 {r.Sandboxed.P90:0.0} ms  max {r.Sandboxed.Max:0.0} ms")),
                ("overhead", Invariant($"p50 {r.OverheadP50:0.0} ms (target ≤ {r.TargetMilliseconds:0} ms)")),
            ]);
        }, cancellationToken));
        return command;
    }

    private static Option<string> DayOption() =>
        new("--day") { Description = "Simulated day the calls are made on, YYYY-MM-DD (default: the day with the most open questions)." };

    private static DateOnly? Day(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new OptionsException($"--day '{text}' is not a date (YYYY-MM-DD).");

    /// <summary>
    /// The configured corpus (or <paramref name="corpusFiles"/>) and the configured questions (or <paramref name="questionFiles"/>)
    /// of the configured window, loaded as for a run, and the day of the window with the most open questions.
    /// </summary>
    private static async Task<(ITimeGatedCorpus Corpus, ImmutableArray<Question> Questions, DateOnly BusiestDay)> OpenAsync(
        CliHost host, IReadOnlyList<string>? corpusFiles, IReadOnlyList<string>? questionFiles, CancellationToken cancellationToken)
    {
        var simulation = host.Service<IOptions<SimulationOptions>>().Value;
        var corpusOptions = host.Service<IOptions<CorpusOptions>>().Value;
        var settings = simulation.ToSettings();
        var (questions, _, _) = host.Service<RunQuestionLoader>().Load(questionFiles ?? simulation.QuestionSets, settings, simulation.SkipInvalid);
        var corpus = await host.Service<CorpusOpener>().OpenAsync(corpusFiles ?? corpusOptions.Files, corpusOptions.Visibility, cancellationToken);
        return (corpus, questions, BusiestDay(questions, settings.FirstDay, settings.End));
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
