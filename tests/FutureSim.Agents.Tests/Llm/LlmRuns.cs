using System.Collections.Immutable;
using FutureSim.Agents.Llm;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.TestKit;

namespace FutureSim.Agents.Tests.Llm;

/// <summary>Small simulations with llm agents: the real runner over an in-memory corpus and a run folder in a temp dir.</summary>
internal static class LlmRuns
{
    public static ImmutableArray<Question> Questions { get; } =
    [
        TestData.FreeForm("q1", "2026-01-01", "2026-01-03", "Alpha"),
        TestData.Binary("q2", "2026-01-01", "2026-01-04", yes: true),
        TestData.FreeForm("q3", "2026-01-01", "2026-02-01", "Gamma"),
    ];

    public static ImmutableArray<Article> Articles { get; } =
    [
        TestData.Article("a1", "2025-12-31", "Election result expected soon", "Polls show Alpha ahead in the election."),
        TestData.Article("a2", "2026-01-01", "Election result: counting starts", "Counting of the election result began."),
        TestData.Article("a3", "2026-01-02", "Alpha wins the election result", "Alpha was declared the winner."),
        TestData.Article("a4", "2026-01-03", "Markets after the election result", "Markets rose."),
        TestData.Article("a5", "2026-01-04", "Gamma leads a new election poll", "A new poll puts Gamma first."),
    ];

    /// <summary>An llm agent spec against <paramref name="endpoint"/> with fast retries, plus <paramref name="settings"/>.</summary>
    public static AgentSpec Spec(string name, Uri? endpoint, string model, params (string Key, string Value)[] settings) =>
        Spec(LlmAgentFactory.KindName, name, endpoint, model, settings);

    /// <summary>An agent spec of <paramref name="kind"/> (any kind driven by a chat model) against <paramref name="endpoint"/> with fast retries.</summary>
    public static AgentSpec Spec(string kind, string name, Uri? endpoint, string model, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Endpoint"] = endpoint?.ToString() ?? "http://127.0.0.1:9/v1/",
            ["Model"] = model,
            ["RequestTimeout"] = "5s",
            ["RetryBaseDelay"] = "1ms",
            ["MaxRetryDelay"] = "200ms",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new AgentSpec { Name = name, Kind = kind, Settings = all.ToImmutableSortedDictionary(StringComparer.Ordinal) };
    }

    public static AgentEnvironment Environment(RunFolder folder, string agent, string? replayFrom = null) =>
        new(System.IO.Path.Combine(folder.Root, "agents", agent), TimeProvider.System, replayFrom);

    /// <summary>Runs the days from <paramref name="start"/> to <paramref name="end"/> with llm agents built by <paramref name="factory"/>.</summary>
    public static async Task<RunFolder> RunAsync(
        string root, IAgentFactory factory, IReadOnlyList<AgentSpec> specs, string start, string end, string? replayFrom = null, int maxConcurrentAgents = 4)
    {
        var manifest = TestData.Manifest(System.IO.Path.GetFileName(root), start, end) with { Agents = [.. specs] };
        manifest = manifest with { Simulation = manifest.Simulation with { MaxConcurrentAgents = maxConcurrentAgents, AgentDayTimeout = TimeSpan.FromSeconds(20) } };
        var folder = RunFolder.Create(root, manifest, Questions);
        var agents = specs.Select(s => new AgentRegistration(s, factory.Create(s, Environment(folder, s.Name, replayFrom)))).ToArray();
        try
        {
            await new SimulationRunner(new InMemoryCorpus(Articles), NormalisingAnswerMatcher.Instance, TimeProvider.System)
                .RunAsync(folder, agents, null, CancellationToken.None);
        }
        finally
        {
            foreach (var agent in agents)
            {
                (agent.Agent as IDisposable)?.Dispose();
            }
        }

        return folder;
    }

    public static ImmutableArray<RunEvent> Events(RunFolder folder) => [.. RunFolderReader.ReadEvents(folder.EventsPath)];

    public static string AgentFile(RunFolder folder, string agent, string file) => System.IO.Path.Combine(folder.Root, "agents", agent, file);
}
