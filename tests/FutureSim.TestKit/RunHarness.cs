using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;

namespace FutureSim.TestKit;

/// <summary>Runs small simulations in a temp folder and reads back their events.</summary>
public sealed class RunHarness : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "futuresim-tests", Guid.NewGuid().ToString("N"));

    public RunHarness(IEnumerable<Article> articles, IEnumerable<Question> questions, string start, string end, LeakMode? leak = null)
        : this(new InMemoryCorpus(articles), questions, start, end)
    {
        Served = leak is { } mode ? new LeakingCorpus(articles, mode) : Corpus;
    }

    /// <summary>Runs over <paramref name="corpus"/> (e.g. a real index), which the caller keeps and disposes.</summary>
    public RunHarness(ITimeGatedCorpus corpus, IEnumerable<Question> questions, string start, string end)
    {
        Corpus = corpus;
        Served = corpus;
        Questions = [.. questions];
        Start = start;
        End = end;
    }

    public ITimeGatedCorpus Corpus { get; }

    /// <summary>The corpus the runs are given: <see cref="Corpus"/>, or a <see cref="LeakingCorpus"/> over the same articles.</summary>
    public ITimeGatedCorpus Served { get; }

    public ImmutableArray<Question> Questions { get; }

    public string Start { get; }

    public string End { get; }

    public RunFolder Create(string runId, IEnumerable<string> agents, Func<SimulationSettings, SimulationSettings>? configure = null)
    {
        var manifest = TestData.Manifest(runId, Start, End, [.. agents]);
        manifest = manifest with { Simulation = configure?.Invoke(manifest.Simulation) ?? manifest.Simulation };
        return RunFolder.Create(Path.Combine(root, runId), manifest, Questions);
    }

    public async Task<RunFolder> RunAsync(string runId, params (string Name, IForecastingAgent Agent)[] agents)
    {
        var folder = Create(runId, agents.Select(a => a.Name));
        await ResumeAsync(folder, agents);
        return folder;
    }

    public Task ResumeAsync(RunFolder folder, (string Name, IForecastingAgent Agent)[] agents, IProgress<DayReport>? progress = null, CancellationToken cancellationToken = default) =>
        new SimulationRunner(Served, NormalisingAnswerMatcher.Instance, TimeProvider.System).RunAsync(
            folder, [.. agents.Select(a => new AgentRegistration(new AgentSpec { Name = a.Name, Kind = "test" }, a.Agent))], progress, cancellationToken);

    public static ImmutableArray<RunEvent> Events(RunFolder folder) => [.. RunFolderReader.ReadEvents(folder.EventsPath)];

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
