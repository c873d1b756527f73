using System.Collections.Immutable;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Mcp.Harness;

namespace FutureSim.Mcp.Tests.Harness;

public sealed class CliHarnessAgentFactoryTests
{
    private const string HostOnlyVariable = "FUTURESIM_TEST_HOST_ONLY";
    private const string NamedVariable = "FUTURESIM_TEST_NAMED";
    private static readonly string StandIn = Path.Combine(AppContext.BaseDirectory, "Harness", "stand-in-agent.sh");

    [Fact]
    public async Task TwoScriptedAgentsForecastForSeveralDaysAndACrashingOneDoesNotStopTheRun()
    {
        Environment.SetEnvironmentVariable(HostOnlyVariable, "host secret");
        Environment.SetEnvironmentVariable(NamedVariable, "passed on");
        using var world = SimulationWorld.Create(TimeSpan.FromSeconds(60), "alpha", "beta");
        var registrations = new List<AgentRegistration>();
        await using (var factory = new CliHarnessAgentFactory(world.Corpus))
        {
            foreach (var (name, crashOn) in new[] { ("alpha", "never"), ("beta", "2026-01-02") })
            {
                var spec = Spec(name, $"bash {StandIn} {{mcp_config}} {{date}} {crashOn}");
                registrations.Add(new AgentRegistration(spec, factory.Create(spec, new AgentEnvironment(AgentDirectory(world, name), TimeProvider.System))));
            }

            var manifest = await world.RunAsync(registrations, CancellationToken.None);
            Assert.Equal(RunStatus.Completed, manifest.Status);
        }

        var events = world.Events();
        var failure = Assert.Single(events.OfType<AgentFailed>());
        Assert.Equal(("beta", "2026-01-02", "exception"), (failure.Agent, Iso(failure.Day), failure.Kind));
        Assert.Contains("exited with code 3", failure.Message);
        foreach (var agent in new[] { "alpha", "beta" })
        {
            var days = events.OfType<ForecastSubmitted>().Where(f => f.Agent == agent).Select(f => Iso(f.Day)).Distinct().ToArray();
            Assert.Equal(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"], days);
        }

        Assert.Contains(events.OfType<ForecastSubmitted>(), f => f.Agent == "beta" && f.QuestionId.Value == "q-rates" && f.Outcomes["Yes"] == 0.7);

        foreach (var agent in new[] { "alpha", "beta" })
        {
            var directory = AgentDirectory(world, agent);
            var workspace = Path.Combine(directory, "workspace");
            AssertOnlyAllowedFiles(workspace);
            AssertNoArticleAfterItsDay(workspace);
            var market = Path.Combine(workspace, "market.csv");
            Assert.StartsWith("qid,title,background,resolution_criteria,answer_type,resolution_date,is_resolved,ground_truth,market_aggregate,num_predictions,options,my_prediction,my_prediction_date\n", File.ReadAllText(market));
            Assert.Contains("q-mayor,Who will it be (q-mayor)?,,,free_form,2026-01-03,True,Alice Smith", File.ReadAllText(market));
            Assert.DoesNotContain("q-late", File.ReadAllText(market));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(market));
            }

            var environment = File.ReadAllLines(Path.Combine(workspace, "memory", "env-2026-01-01.txt"));
            Assert.Contains(NamedVariable, environment);
            Assert.Contains("PATH", environment);
            Assert.DoesNotContain(HostOnlyVariable, environment);
            Assert.Equal(
                ["get_article", "list_questions", "next_day", "read_notes", "search_news", "submit_forecasts", "write_notes"],
                File.ReadAllLines(Path.Combine(workspace, "memory", "tools.txt")));
            Assert.Contains("is over", File.ReadAllText(Path.Combine(workspace, "memory", "next-day-2026-01-04.txt")));
            Assert.True(File.Exists(Path.Combine(directory, "logs", "2026-01-03.stdout.log")));
        }

        Assert.Contains("crashing on purpose", File.ReadAllText(Path.Combine(AgentDirectory(world, "beta"), "logs", "2026-01-02.stderr.log")));
        Assert.False(File.Exists(Path.Combine(AgentDirectory(world, "beta"), "workspace", "memory", "next-day-2026-01-02.txt")));
    }

    [Fact]
    public void ValidationWritesTheDefaultSandboxIntoTheSpecForTheManifest()
    {
        var spec = Spec("claude", "claude -p {prompt}") with { Settings = ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("Command", "claude -p {prompt}")]) };

        Assert.Equal("bubblewrap", CliHarnessAgentFactory.Validate(spec).Settings["Sandbox"]);
        Assert.Equal("none", CliHarnessAgentFactory.Validate(Spec("claude", "claude -p {prompt}")).Settings["Sandbox"]);
    }

    [Fact]
    public void AReadOnlyPathInsideAProtectedFolderIsRefused()
    {
        var project = Directory.CreateTempSubdirectory("futuresim-protected-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "tools"));
            var spec = Spec("claude", "claude -p {prompt}") with
            {
                Settings = ImmutableSortedDictionary.CreateRange(
                    [KeyValuePair.Create("Command", "claude -p {prompt}"), KeyValuePair.Create("ReadOnlyPaths:0", Path.Combine(project, "tools"))]),
            };
            var host = new Mcp.Sandbox.SandboxHostPaths { ProgramDirectory = AppContext.BaseDirectory, Protected = [project] };

            var error = Assert.Throws<ArgumentException>(() => CliHarnessAgentFactory.Validate(spec, host));

            Assert.Contains($"\"ReadOnlyPaths\" entry \"{Path.Combine(project, "tools")}\" lies in {project}, which no sandbox may show", error.Message);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static void AssertOnlyAllowedFiles(string workspace)
    {
        foreach (var file in Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(workspace, file).Replace('\\', '/');
            Assert.True(
                relative == "market.csv" || relative.StartsWith("memory/", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(relative, @"^articles/\d{4}/\d{2}/\d{2}/articles\.jsonl$"),
                $"unexpected file in the workspace: {relative}");
        }
    }

    /// <summary>What the agent listed each day (recorded by the stand-in) never includes an article of a later day.</summary>
    private static void AssertNoArticleAfterItsDay(string workspace)
    {
        var memory = Path.Combine(workspace, "memory");
        var seenDays = 0;
        foreach (var listing in Directory.EnumerateFiles(memory, "article-files-*.txt"))
        {
            var day = Path.GetFileNameWithoutExtension(listing)["article-files-".Length..];
            foreach (var file in File.ReadAllLines(listing))
            {
                var parts = file.Split('/');
                Assert.True(string.CompareOrdinal($"{parts[1]}-{parts[2]}-{parts[3]}", day) <= 0, $"{file} was in the workspace on {day}");
            }

            var ids = File.ReadAllLines(Path.Combine(memory, $"article-ids-{day}.txt"));
            Assert.DoesNotContain("a-future", ids);
            Assert.Contains("a-2025-12-30", ids);
            Assert.Equal(SimulationWorld.Articles.Count(a => Iso(SimulatedTime.DayOf(a.VisibleAt)).CompareTo(day) <= 0), ids.Length);
            seenDays++;
        }

        Assert.Equal(5, seenDays);
    }

    private static AgentSpec Spec(string name, string command) => new()
    {
        Name = name,
        Kind = CliHarnessAgentFactory.Kind,
        Settings = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["Command"] = command,
            ["Environment:0"] = NamedVariable,
            ["RelayCommand"] = $"{FutureSimExecutable.Dotnet} {FutureSimExecutable.DllPath}",
            ["ExitGrace"] = "00:00:20",
            ["Sandbox"] = "none",
        }),
    };

    private static string AgentDirectory(SimulationWorld world, string agent) => world.Folder.File(Path.Combine("agents", agent));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
