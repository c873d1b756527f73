using System.Text.Json;

namespace FutureSim.Cli.Tests.Commands;

/// <summary>Configuration mistakes are bad-input exits naming the key or value and what to do, found before any run folder is made.</summary>
[Collection(CliCollection.Name)]
public sealed class RunConfigurationTests(CliRun cli)
{
    [Theory]
    [InlineData("../../escaped")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public async Task AnAgentNameThatIsNotASafeFolderNameIsRefusedAndNothingIsWritten(string name)
    {
        var config = Write("names.json", new { Agents = new[] { new { Name = name, Kind = "uniform" } } });

        var (code, _) = await cli.RunAsync("run", "--config", config, "--agents", name, "--run-id", "names", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "names")));
        Assert.Empty(Directory.EnumerateDirectories(cli.Root, "escaped", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateDirectories(cli.Root, "b", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("ende.json", """{ "Simulation": { "Ende": "2025-12-02" } }""", "Simulation:Ende")]
    [InlineData("section.json", """{ "Simulaton": { "End": "2025-12-02" } }""", "Simulaton")]
    [InlineData("corpus.json", """{ "Corpus": { "Visibilty": "Lenient" } }""", "Corpus:Visibilty")]
    [InlineData("agent.json", """{ "Agents": [ { "Name": "nf", "Kind": "news-frequency", "HitsPerQuestoin": 3 } ] }""", "HitsPerQuestoin")]
    [InlineData("judge.json", """{ "Judge": { "Endpiont": "http://127.0.0.1:9/v1", "Model": "m" } }""", "Endpoint")]
    [InlineData("search.json", """{ "Search": { "Mdoe": "Hybrid" } }""", "Search:Mdoe")]
    [InlineData("embeddings.json", """{ "Search": { "Embeddings": { "Modle": "m" } } }""", "Search:Embeddings:Modle")]
    [InlineData("harness.json", """{ "Agents": [ { "Name": "cli", "Kind": "cli-harness", "Command": "true", "Sandbx": "none" } ] }""", "Sandbx")]
    public async Task AnUnknownConfigurationKeyIsAnErrorNamingTheKeyAndTheFile(string file, string json, string key)
    {
        var config = WriteText(file, json);

        var (code, _, error) = await cli.RunCapturingAsync("run", "--config", config, "--run-id", "typo", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains(key, error);
        Assert.Contains(file, error);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "typo")));
    }

    [Fact]
    public async Task AListInALaterConfigurationFileReplacesTheEarlierListInsteadOfMergingByPosition()
    {
        var config = WriteText("one-set.json", """{ "Simulation": { "QuestionSets": [ "corpora/questions-freeform-2025-2026.jsonl" ] } }""");

        var (code, _) = await cli.RunAsync("run", "--config", config, "--run-id", "one-set", "--agents", "uniform", "--start", "2025-12-01", "--end", "2025-12-03", "--quiet");

        Assert.Equal(0, code);
        var sets = Core.Runs.RunFolder.Open(Path.Combine(cli.RunsDirectory, "one-set")).ReadManifest().QuestionSets;
        Assert.Equal(["corpora/questions-freeform-2025-2026.jsonl"], sets.Select(s => s.File));
    }

    [Theory]
    [InlineData("""{ "Corpus": { "Files": "corpora/news-wikipedia-current-events-2025-2026.jsonl.gz" } }""", "Corpus:Files")]
    [InlineData("""{ "Simulation": { "End": [ "2025-12-02" ] } }""", "Simulation:End")]
    [InlineData("""{ "Simulation": { "End": "2025-12-02" """, "line")]
    [InlineData("""{ "Agents": { "Name": "x", "Kind": "uniform" } }""", "Agents")]
    [InlineData("""{ "Search": { "Embeddings": "Local" } }""", "Search:Embeddings")]
    [InlineData("""{ "Search": { "Embeddings": { "SeedFiles": "a.fsv" } } }""", "Search:Embeddings:SeedFiles")]
    public async Task AConfigurationFileThatIsNotValidJsonOrHasAValueOfTheWrongShapeIsAnErrorNamingIt(string json, string named)
    {
        var config = WriteText("shape.json", json);

        var (code, _, error) = await cli.RunCapturingAsync("run", "--config", config, "--run-id", "shape", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("shape.json", error);
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("llm", "Temperature", "hot", "Temperature")]
    [InlineData("llm", "ApiKeyVariable", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET")]
    [InlineData("semantic-kernel", "ApiKeyVariable", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET")]
    [InlineData("agent-framework", "ApiKeyVariable", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET", "FUTURESIM_TEST_KEY_THAT_IS_NEVER_SET")]
    public async Task BadAgentSettingsAndAnUnsetApiKeyVariableAreFoundBeforeAnyRunFolderIsMade(string kind, string key, string value, string named)
    {
        var config = WriteText("llm-bad.json", $$"""{ "Agents": [ { "Name": "gpt", "Kind": "{{kind}}", "Endpoint": "http://127.0.0.1:9/v1", "Model": "m", "{{key}}": "{{value}}" } ] }""");

        var (code, _, error) = await cli.RunCapturingAsync("run", "--config", config, "--agents", "gpt", "--run-id", "llm-bad", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "llm-bad")));
    }

    [Fact]
    public async Task AnExistingRunIdIsABadInputExitThatLeavesTheRunAsItWas()
    {
        Assert.Equal(0, (await cli.RunAsync("run", "--run-id", "taken", "--agents", "uniform", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet")).ExitCode);
        var manifest = File.ReadAllBytes(Path.Combine(cli.RunsDirectory, "taken", "manifest.json"));

        var (code, _, error) = await cli.RunCapturingAsync("run", "--run-id", "taken", "--agents", "uniform", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("--resume taken", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(cli.RunsDirectory, "taken", "manifest.json")));
    }

    [Fact]
    public async Task AWindowFarBeyondTheCorpusAndTheQuestionsNeedsAnExplicitOverride()
    {
        var (code, _, error) = await cli.RunCapturingAsync("run", "--run-id", "far", "--agents", "uniform", "--start", "2026-08-20", "--end", "2226-08-20", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("2226-08-20", error);
        Assert.Contains("--allow-any-window", error);
        Assert.False(Directory.Exists(Path.Combine(cli.RunsDirectory, "far")));

        (code, _, _) = await cli.RunCapturingAsync("run", "--run-id", "beyond", "--agents", "uniform", "--start", "2026-08-20", "--end", "2026-08-26", "--allow-any-window", "--quiet");
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task OptionsGivenWithResumeAreReportedAsIgnored()
    {
        Assert.Equal(0, (await cli.RunAsync("run", "--run-id", "resumed", "--agents", "uniform", "--start", "2025-12-01", "--end", "2025-12-02", "--quiet")).ExitCode);

        var (code, _, error) = await cli.RunCapturingAsync("run", "--resume", "resumed", "--end", "2025-12-09", "--agents", "crowd", "--quiet");

        Assert.Equal(0, code);
        Assert.Contains("--end", error);
        Assert.Contains("--agents", error);
        Assert.Contains("ignored", error);
        Assert.Equal(new DateOnly(2025, 12, 2), Core.Runs.RunFolder.Open(Path.Combine(cli.RunsDirectory, "resumed")).ReadManifest().Simulation.End);
    }

    private string WriteText(string name, string content)
    {
        var path = Path.Combine(cli.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Write(string name, object content)
    {
        var path = Path.Combine(cli.Root, name);
        File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }
}
