using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Simulation;
using FutureSim.Mcp.Harness;
using FutureSim.Mcp.Sandbox;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests.Sandbox;

/// <summary>
/// A CLI agent that tries to cheat, run in a project laid out as a user has it (configuration, corpus, index, another
/// run, and the run itself), with a model provider and a forbidden server on loopback. In its bubblewrap sandbox every
/// attempt fails and its honest forecasts are scored; with the sandbox off the same agent reads the answers, which shows
/// that these tests would catch a broken sandbox. They need bwrap (<c>.ci/run</c> installs it) and fail without it.
/// </summary>
public sealed class SandboxedAgentTests : IAsyncLifetime
{
    private const string Agent = "intruder";
    private static readonly ImmutableHashSet<string> SandboxRoot =
        ["bin", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "opt", "proc", "run", "sbin", "tmp", "usr", "workspace"];

    private readonly string project = Path.Combine(AppContext.BaseDirectory, "sandbox-test-" + Guid.NewGuid().ToString("N"));
    private readonly string tools = Path.Combine(Path.GetTempPath(), "futuresim-sandbox-tools-" + Guid.NewGuid().ToString("N"));
    private readonly LoopbackHttpServer provider = new("model-provider-ok");
    private readonly LoopbackHttpServer forbidden = new("forbidden-server");
    private readonly InMemoryCorpus corpus = new(SimulationWorld.Articles);

    public SandboxedAgentTests()
    {
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "appsettings.json"), "{ \"Simulation\": { \"RunsDirectory\": \"runs\" } }\n");
        Directory.CreateDirectory(Path.Combine(project, "corpora"));
        File.WriteAllLines(Path.Combine(project, "corpora", "news.jsonl"), SimulationWorld.Articles.Select(a => JsonSerializer.Serialize(new { id = a.Id.Value, title = a.Title, content = a.Body })));
        Directory.CreateDirectory(Path.Combine(project, ".index", "default"));
        File.WriteAllText(Path.Combine(project, ".index", "default", "segments_1"), "index");
        RunFolder.Create(Path.Combine(project, "runs", "other-run"), TestData.Manifest("other-run", "2026-01-01", "2026-01-03", "x"), SimulationWorld.Questions);
        foreach (var script in new[] { "Sandbox/intruder-agent.sh", "Harness/stand-in-agent.sh" })
        {
            var target = Path.Combine(tools, script);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(AppContext.BaseDirectory, script), target);
        }
    }

    private string RunFolderPath => Path.Combine(project, "runs", "sandboxed");

    private string AgentDirectory => Path.Combine(RunFolderPath, "agents", Agent);

    [Fact]
    public async Task AnAgentInItsSandboxReachesNeitherTheAnswersNorTheHostNorOtherServersAndItsForecastsAreScored()
    {
        var events = await RunAsync("2026-01-03", new Dictionary<string, string>
        {
            ["AllowedHosts:0"] = $"127.0.0.1:{provider.Port}",
            ["ReadOnlyPaths:0"] = tools,
        });

        var output = File.ReadAllLines(Path.Combine(AgentDirectory, "logs", "2026-01-02.stdout.log"));
        var attempts = output.Where(l => l.StartsWith("attempt ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(15, attempts.Length);
        Assert.All(attempts, a => Assert.Contains(": blocked (", a));
        Assert.Contains(attempts, a => a.StartsWith("attempt read-questions: blocked (cat: ", StringComparison.Ordinal) && a.EndsWith("No such file or directory)", StringComparison.Ordinal));
        Assert.Contains("attempt write-articles: blocked (mkdir: cannot create directory 'articles/2099': Read-only file system)", attempts);
        Assert.Contains("attempt write-agent-folder: blocked (touch: cannot touch '../escape.txt': Read-only file system)", attempts);
        Assert.Contains(attempts, a => a.StartsWith("attempt reach-forbidden-through-proxy: blocked (proxy answered: HTTP/1.1 403 Forbidden)", StringComparison.Ordinal));
        var listing = output.Single(l => l.StartsWith("root listing: ", StringComparison.Ordinal))["root listing: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Subset(SandboxRoot, listing.ToImmutableHashSet());

        // Refused attempts are in the agent's network log with their target; the forbidden server never saw a connection.
        var network = File.ReadAllText(Path.Combine(AgentDirectory, "logs", "network.log"));
        Assert.Contains($"refused CONNECT 127.0.0.1:{forbidden.Port}: not on the agent's AllowedHosts (127.0.0.1:{provider.Port})", network);
        Assert.Contains($"allowed CONNECT 127.0.0.1:{provider.Port}", network);
        Assert.Contains($"allowed GET 127.0.0.1:{provider.Port}", network);
        Assert.Equal(0, forbidden.Connections);
        Assert.Contains(output, l => l == "provider through tunnel: HTTP/1.1 200 Connection established / model-provider-ok");
        Assert.Contains(output, l => l == "provider through http proxy: HTTP/1.1 200 OK");
        Assert.Contains("GET /v1/models HTTP/1.1", provider.Requests);

        // Nothing was written outside the memory folder, and nothing was taken.
        var workspace = Path.Combine(AgentDirectory, "workspace");
        Assert.False(File.Exists(Path.Combine(workspace, "escape.txt")));
        Assert.False(File.Exists(Path.Combine(AgentDirectory, "escape.txt")));
        Assert.False(File.Exists(Path.Combine(RunFolderPath, "escape.txt")));
        Assert.False(Directory.Exists(Path.Combine(workspace, "articles", "2099")));
        Assert.DoesNotContain("tampered", File.ReadAllText(Path.Combine(workspace, "market.csv")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(workspace, "memory"), "loot-*"));

        // The forecasts made through MCP count: the free-form one is scored against the truth resolved on the last day.
        Assert.Empty(events.OfType<AgentFailed>());
        var truth = Assert.Single(events.OfType<QuestionResolved>()).Answer;
        var mayor = events.OfType<ForecastSubmitted>().Last(f => f.QuestionId.Value == "q-mayor");
        Assert.Equal(0.75, ForecastScores.FreeFormSkill(mayor.Outcomes, o => o == truth), 9);
        Assert.Contains("stand-in: done with 2026-01-03", File.ReadAllText(Path.Combine(AgentDirectory, "logs", "2026-01-03.stdout.log")));
    }

    [Fact]
    public async Task TheSameAgentWithoutASandboxReadsTheAnswersSoTheseTestsWouldCatchABrokenSandbox()
    {
        var events = await RunAsync("2026-01-02", new Dictionary<string, string>
        {
            ["Sandbox"] = "none",
            ["RelayCommand"] = $"{FutureSimExecutable.Dotnet} {FutureSimExecutable.DllPath}",
        });

        var output = File.ReadAllLines(Path.Combine(AgentDirectory, "logs", "2026-01-02.stdout.log"));
        Assert.Contains("attempt read-questions: SUCCEEDED", output);
        Assert.Contains("attempt read-configuration: SUCCEEDED", output);
        Assert.Contains("attempt reach-forbidden-directly: SUCCEEDED", output);
        Assert.Contains("Alice Smith", File.ReadAllText(Path.Combine(AgentDirectory, "workspace", "memory", "loot-read-questions.txt")));
        Assert.True(forbidden.Connections > 0);
        Assert.Empty(events.OfType<AgentFailed>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        await forbidden.DisposeAsync();
        foreach (var folder in new[] { project, tools })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<ImmutableArray<RunEvent>> RunAsync(string end, Dictionary<string, string> settings)
    {
        var manifest = TestData.Manifest("sandboxed", "2026-01-02", end, Agent);
        manifest = manifest with { Simulation = manifest.Simulation with { AgentDayTimeout = TimeSpan.FromSeconds(60) } };
        var folder = RunFolder.Create(RunFolderPath, manifest, SimulationWorld.Questions);
        settings["Command"] = string.Join(' ',
            "bash", Path.Combine(tools, "Sandbox", "intruder-agent.sh"), "{mcp_config}", "{date}", folder.File(RunFolderLayout.Questions),
            Path.Combine(project, "corpora", "news.jsonl"), Path.Combine(project, ".index", "default"), Path.Combine(project, "appsettings.json"),
            Path.Combine(project, "runs", "other-run"), folder.Root, provider.Port, forbidden.Port);
        settings["ExitGrace"] = "00:00:20";
        var spec = new AgentSpec { Name = Agent, Kind = CliHarnessAgentFactory.Kind, Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal) };
        var host = new SandboxHostPaths { ProgramDirectory = Path.GetDirectoryName(FutureSimExecutable.DllPath)!, Protected = [project] };
        await using (var factory = new CliHarnessAgentFactory(corpus, null, host))
        {
            var agent = factory.Create(spec, new AgentEnvironment(AgentDirectory, TimeProvider.System));
            await new SimulationRunner(corpus, NormalisingAnswerMatcher.Instance, TimeProvider.System)
                .RunAsync(folder, [new AgentRegistration(spec, agent)], null, CancellationToken.None);
        }

        return RunHarness.Events(folder);
    }
}
