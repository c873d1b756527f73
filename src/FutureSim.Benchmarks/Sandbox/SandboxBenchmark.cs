using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Mcp.Harness;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Benchmarks.Sandbox;

/// <summary>
/// What the bubblewrap sandbox adds to the start of a CLI agent's day. Two agents run the same command, one sandboxed
/// and one with <c>"Sandbox": "none"</c>, one at a time over N simulated days with an empty corpus, through the real
/// runner and CLI-harness factory; a day's start is the time from the runner handing the agent its day to the agent's
/// command writing the wall clock (<c>date +%s%N</c>, the same clock) into its memory folder.
/// </summary>
public static class SandboxBenchmark
{
    public static async Task<SandboxBenchmarkReport> RunAsync(SandboxBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
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
                ResolutionDate = start.AddDays(options.Days + 1),
                Resolution = new QuestionResolution { Answer = "Nobody" },
                QuestionSet = "bench",
            };
            ImmutableArray<AgentSpec> specs = [Spec("unsandboxed", "none"), Spec("sandboxed", "bubblewrap")];
            using var corpus = new EmptyCorpus();
            var folder = RunFolder.Create(root, new RunManifest
            {
                RunId = "bench-sandbox",
                Status = RunStatus.Running,
                Simulation = new SimulationSettings
                {
                    Start = start, End = start.AddDays(options.Days - 1), MaxConcurrentAgents = 1, AgentDayTimeout = TimeSpan.FromMinutes(1),
                },
                Corpus = corpus.Identity,
                QuestionSets = [new QuestionSetInfo("bench", "", "", 1)],
                Agents = specs,
            }, [question]);

            var handedOver = new ConcurrentDictionary<(string Agent, DateOnly Day), DateTimeOffset>();
            await using (var factory = new CliHarnessAgentFactory(corpus, null, new SandboxHostPaths { ProgramDirectory = options.ProgramDirectory, Protected = [options.ProjectRoot] }))
            {
                var agents = specs.Select(spec => new AgentRegistration(spec, new TimedAgent(
                    spec.Name, factory.Create(spec, new AgentEnvironment(folder.AgentDirectory(spec.Name), TimeProvider.System)), options.DayLength, handedOver)));
                await new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System).RunAsync(folder, [.. agents], null, cancellationToken);
            }

            var unsandboxed = Starts(folder, handedOver, "unsandboxed");
            var sandboxed = Starts(folder, handedOver, "sandboxed");
            return new SandboxBenchmarkReport(options.Days, options.DayLength.TotalSeconds, unsandboxed, sandboxed, sandboxed.P50 - unsandboxed.P50, options.TargetMilliseconds);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static AgentSpec Spec(string name, string sandbox) => new()
    {
        Name = name,
        Kind = CliHarnessAgentFactory.Kind,
        Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["Command"] = "/bin/sh -c 'date +%s%N > memory/started-{date}'",
            ["Sandbox"] = sandbox,
        }),
    };

    /// <summary>The start latencies of the days whose command left its mark; a day without one is left out (and fails the check).</summary>
    private static StartLatency Starts(RunFolder folder, ConcurrentDictionary<(string Agent, DateOnly Day), DateTimeOffset> handedOver, string agent) =>
        StartLatency.Of(handedOver.Where(h => h.Key.Agent == agent).SelectMany(h =>
        {
            var file = Path.Combine(folder.AgentDirectory(agent), "workspace", "memory", $"started-{h.Key.Day:yyyy-MM-dd}");
            if (!File.Exists(file) || !long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds))
            {
                return Array.Empty<double>();
            }

            return [(DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100) - h.Value).TotalMilliseconds];
        }));
}
