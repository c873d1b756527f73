using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using FutureSim.Cli.Configuration;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Harness;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim bench sandbox [--days N] [--day-length 00:00:01] [--json]</c>: what the bubblewrap sandbox adds to the
/// start of a CLI agent's day. Two agents run the same command, one sandboxed and one with <c>"Sandbox": "none"</c>,
/// one at a time over N simulated days with an empty corpus; a day's start is the time from the runner handing the agent
/// its day to the agent's command writing the wall clock (<c>date +%s%N</c>, the same clock) into its memory folder.
/// Each day lasts at least <c>--day-length</c>, as a real agent's day does, so that the next sandbox is prepared in the
/// meantime (<c>--day-length 0</c> measures a sandbox started cold). Target: the median overhead ≤ 100 ms.
/// Self-contained: the measurement, its report and its verb live in this file.
/// </summary>
internal static class SandboxBenchCommand
{
    private const double TargetMilliseconds = 100;

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Simulated days per agent.", DefaultValueFactory = _ => 20 };
        var dayLength = new Option<TimeSpan>("--day-length") { Description = "The least time each agent's day lasts.", DefaultValueFactory = _ => TimeSpan.FromSeconds(1) };
        var command = new Command("sandbox", "Time a CLI agent's day start in its bubblewrap sandbox against the same agent unsandboxed.") { days, dayLength, BenchCommand.Json };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, new Dictionary<string, string?>(), async (host, ct) =>
        {
            var report = await RunAsync(host.Service<ProjectSettings>().Root, parse.GetValue(days), parse.GetValue(dayLength), ct);
            BenchCommand.Print(report, parse.GetValue(BenchCommand.Json), r =>
            [
                ("days", Invariant($"{r.Days} per agent, each lasting at least {r.DayLengthSeconds:0.###} s")),
                ("unsandboxed start", Invariant($"p50 {r.Unsandboxed.P50:0.0} ms  p90 {r.Unsandboxed.P90:0.0} ms  max {r.Unsandboxed.Max:0.0} ms")),
                ("sandboxed start", Invariant($"p50 {r.Sandboxed.P50:0.0} ms  p90 {r.Sandboxed.P90:0.0} ms  max {r.Sandboxed.Max:0.0} ms")),
                ("overhead", Invariant($"p50 {r.OverheadP50:0.0} ms (target ≤ {TargetMilliseconds:0} ms)")),
            ]);
            return report.OverheadP50 <= TargetMilliseconds ? CommandHost.Success : CommandHost.Failure;
        }, cancellationToken));
        return command;
    }

    private static async Task<Report> RunAsync(string projectRoot, int days, TimeSpan dayLength, CancellationToken cancellationToken)
    {
        var start = new DateOnly(2026, 1, 1);
        var root = Directory.CreateTempSubdirectory("futuresim-bench-sandbox-").FullName;
        try
        {
            var question = new Question
            {
                Id = new QuestionId("q-bench"),
                Title = "Who will it be?",
                Kind = QuestionKind.FreeForm,
                AnswerType = "Name",
                OpensAt = SimulatedTime.StartOf(start),
                ResolutionDate = start.AddDays(days + 1),
                Resolution = new QuestionResolution { Answer = "Nobody" },
                QuestionSet = "bench",
            };
            AgentSpec Spec(string name, string sandbox) => new()
            {
                Name = name,
                Kind = CliHarnessAgentFactory.Kind,
                Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                {
                    ["Command"] = "/bin/sh -c 'date +%s%N > memory/started-{date}'",
                    ["Sandbox"] = sandbox,
                }),
            };
            ImmutableArray<AgentSpec> specs = [Spec("unsandboxed", "none"), Spec("sandboxed", "bubblewrap")];
            using var corpus = new EmptyCorpus();
            var folder = RunFolder.Create(root, new RunManifest
            {
                RunId = "bench-sandbox",
                Status = RunStatus.Running,
                Simulation = new SimulationSettings
                {
                    Start = start, End = start.AddDays(days - 1), MaxConcurrentAgents = 1, AgentDayTimeout = TimeSpan.FromMinutes(1),
                },
                Corpus = corpus.Identity,
                QuestionSets = [new QuestionSetInfo("bench", "", "", 1)],
                Agents = specs,
            }, [question]);

            var handedOver = new ConcurrentDictionary<(string Agent, DateOnly Day), DateTimeOffset>();
            await using (var factory = new CliHarnessAgentFactory(corpus, null, SandboxHostPaths.ForThisProgram([projectRoot])))
            {
                var agents = specs.Select(spec => new AgentRegistration(spec, new TimedAgent(
                    spec.Name, factory.Create(spec, new AgentEnvironment(folder.File(Path.Combine("agents", spec.Name)), TimeProvider.System)), dayLength, handedOver)));
                await new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System).RunAsync(folder, [.. agents], null, cancellationToken);
            }

            Latency Starts(string agent) => Latency.Of([.. handedOver.Where(h => h.Key.Agent == agent).Select(h =>
            {
                var file = folder.File(Path.Combine("agents", agent, "workspace", "memory", $"started-{h.Key.Day:yyyy-MM-dd}"));
                var started = DateTimeOffset.UnixEpoch.AddTicks(long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) / 100);
                return (started - h.Value).TotalMilliseconds;
            })]);
            var unsandboxed = Starts("unsandboxed");
            var sandboxed = Starts("sandboxed");
            return new Report(days, dayLength.TotalSeconds, unsandboxed, sandboxed, sandboxed.P50 - unsandboxed.P50);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Start latencies in milliseconds.</summary>
    private sealed record Latency(double P50, double P90, double Max)
    {
        public static Latency Of(double[] values)
        {
            var sorted = values.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            return new Latency(At(0.5), At(0.9), sorted[^1]);
        }
    }

    private sealed record Report(int Days, double DayLengthSeconds, Latency Unsandboxed, Latency Sandboxed, double OverheadP50);

    /// <summary>Notes when the runner hands the agent its day, and makes the day last at least <paramref name="dayLength"/>.</summary>
    private sealed class TimedAgent(string name, IForecastingAgent inner, TimeSpan dayLength, ConcurrentDictionary<(string, DateOnly), DateTimeOffset> handedOver)
        : IForecastingAgent
    {
        public async Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
        {
            handedOver[(name, tools.Today)] = TimeProvider.System.GetUtcNow();
            var least = Task.Delay(dayLength, cancellationToken);
            await inner.RunDayAsync(tools, cancellationToken);
            await least;
        }
    }

    private sealed class EmptyCorpus : ITimeGatedCorpus
    {
        public CorpusIdentity Identity { get; } = new("empty", VisibilityPolicy.Strict, 0);

        public ICorpusView At(DateTimeOffset asOf) => new View(asOf);

        public void Dispose()
        {
        }

        private sealed class View(DateTimeOffset asOf) : ICorpusView
        {
            public DateTimeOffset AsOf => asOf;

            public NewsSearchResult Search(NewsQuery query) => new([], []);

            public Article? Find(ArticleId id) => null;

            public int CountArrivedSince(DateTimeOffset after) => 0;

            public IEnumerable<Article> ArrivedSince(DateTimeOffset after) => [];
        }
    }
}
