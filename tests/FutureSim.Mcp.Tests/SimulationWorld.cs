using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests;

/// <summary>
/// A small world for MCP tests: five simulated days (2026-01-01 … 2026-01-05), one article arriving each day,
/// a question that resolves on day 3, one that opens on day 2, one that opens after the run, and a run folder in a temp directory.
/// </summary>
internal sealed class SimulationWorld : IDisposable
{
    public static readonly DateOnly FirstDay = TestData.Day("2026-01-01");
    public static readonly DateOnly LastDay = TestData.Day("2026-01-05");

    public static ImmutableArray<Article> Articles { get; } =
    [
        TestData.Article("a-2025-12-30", "2025-12-30", "Mayor election campaign opens in Springfield", "Candidates Alice Smith and Bob Jones launched campaigns."),
        TestData.Article("a-01", "2026-01-01", "Springfield mayor race polls", "Alice Smith leads the mayor race in early polls."),
        TestData.Article("a-02", "2026-01-02", "Central bank holds rates", "The central bank kept interest rates unchanged."),
        TestData.Article("a-03", "2026-01-03", "Springfield elects Alice Smith as mayor", "Alice Smith won the mayor election."),
        TestData.Article("a-04", "2026-01-04", "Storm hits the coast", "A storm brought heavy rain."),
        TestData.Article("a-05", "2026-01-05", "Central bank cuts rates", "The central bank cut interest rates."),
        TestData.Article("a-future", "2026-01-09", "Secret future result revealed", "The future answer is Zanzibar."),
    ];

    public static ImmutableArray<Question> Questions { get; } =
    [
        TestData.FreeForm("q-mayor", "2025-12-01", "2026-01-03", "Alice Smith"),
        TestData.Binary("q-rates", "2026-01-02", "2026-01-20", yes: true),
        TestData.FreeForm("q-late", "2026-01-08", "2026-01-30", "Zanzibar"),
    ];

    private readonly RunHarness harness;

    private SimulationWorld(string[] agents, TimeSpan? dayTimeout, LeakMode? leak = null)
    {
        harness = new(Articles, Questions, "2026-01-01", "2026-01-05", leak);
        Folder = harness.Create("mcp-test", agents, s => dayTimeout is { } t ? s with { AgentDayTimeout = t } : s);
    }

    public RunFolder Folder { get; }

    public ITimeGatedCorpus Corpus => harness.Corpus;

    public static SimulationWorld Create(params string[] agents) => new(agents, null);

    public static SimulationWorld Create(TimeSpan dayTimeout, params string[] agents) => new(agents, dayTimeout);

    /// <summary>A world whose corpus is broken in the given way (see <see cref="LeakingCorpus"/>).</summary>
    public static SimulationWorld Leaking(LeakMode leak, params string[] agents) => new(agents, null, leak);

    public async Task<RunManifest> RunAsync(IReadOnlyList<AgentRegistration> agents, CancellationToken cancellationToken)
    {
        await harness.ResumeAsync(Folder, [.. agents.Select(a => (a.Spec.Name, a.Agent))], null, cancellationToken);
        return Folder.ReadManifest();
    }

    public Task<RunManifest> RunAsync(IForecastingAgent agent, CancellationToken cancellationToken) =>
        RunAsync([new AgentRegistration(new AgentSpec { Name = "client", Kind = "mcp" }, agent)], cancellationToken);

    public ImmutableArray<RunEvent> Events() => RunHarness.Events(Folder);

    public void Dispose() => harness.Dispose();
}
