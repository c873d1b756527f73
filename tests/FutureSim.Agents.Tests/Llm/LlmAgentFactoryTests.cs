using System.Collections.Immutable;
using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Configuration;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Agents.Tests.Llm;

public sealed class LlmAgentFactoryTests
{
    [Fact]
    public void AMissingApiKeyVariableIsAnArgumentExceptionNamingIt()
    {
        using var temp = new TempDirectory();
        using var factory = new LlmAgentFactory(_ => null);
        var spec = LlmRuns.Spec("gpt", null, "m", ("ApiKeyVariable", "FUTURESIM_TEST_KEY"));

        var error = Assert.Throws<ArgumentException>(() => factory.Create(spec, new AgentEnvironment(temp.Sub("gpt"), TimeProvider.System)));

        Assert.Contains("'FUTURESIM_TEST_KEY'", error.Message);
        Assert.Contains("gpt", error.Message);
    }

    [Fact]
    public void AReplayNeedsNoApiKeyButNeedsTheRecording()
    {
        using var temp = new TempDirectory();
        using var factory = new LlmAgentFactory(_ => null);
        var spec = LlmRuns.Spec("gpt", null, "m", ("ApiKeyVariable", "FUTURESIM_TEST_KEY"));
        var recorded = temp.Sub("old-run");

        var missing = Assert.Throws<ArgumentException>(() => factory.Create(spec, new AgentEnvironment(temp.Sub("new/agents/gpt"), TimeProvider.System, recorded)));
        Assert.Contains(LlmAgentFactory.RecordingPath(recorded, "gpt"), missing.Message);

        Directory.CreateDirectory(Path.GetDirectoryName(LlmAgentFactory.RecordingPath(recorded, "gpt"))!);
        File.WriteAllText(LlmAgentFactory.RecordingPath(recorded, "gpt"), "");
        Assert.NotNull(factory.Create(spec, new AgentEnvironment(temp.Sub("new/agents/gpt"), TimeProvider.System, recorded)));
    }

    [Fact]
    public void EveryInvalidSettingIsReportedInOneActionableMessage()
    {
        using var temp = new TempDirectory();
        using var factory = new LlmAgentFactory(_ => null);
        var spec = new AgentSpec
        {
            Name = "gpt",
            Kind = "llm",
            Settings = new Dictionary<string, string>
            {
                ["Endpoint"] = "ftp://example.org",
                ["Temperature"] = "hot",
                ["MaxRetries"] = "-1",
                ["MaxWallTimePerDay"] = "soon",
                ["Temprature"] = "0.2",
                ["ApiKey"] = "sk-123",
            }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };

        var error = Assert.Throws<ArgumentException>(() => factory.Create(spec, new AgentEnvironment(temp.Sub("gpt"), TimeProvider.System)));

        Assert.Contains("llm agent 'gpt'", error.Message);
        Assert.Contains("'Endpoint' must be an absolute http(s) URL", error.Message);
        Assert.Contains("'Model' is required", error.Message);
        Assert.Contains("'Temperature' must be a number from 0 to 2; got 'hot'", error.Message);
        Assert.Contains("'MaxRetries' must be a whole number from 0 to 20; got '-1'", error.Message);
        Assert.Contains("'MaxWallTimePerDay' must be a duration", error.Message);
        Assert.Contains("'Temprature' is not a setting of this kind", error.Message);
        Assert.Contains("'ApiKey' is not accepted", error.Message);
        Assert.DoesNotContain("sk-123", error.Message);
    }

    [Fact]
    public void AnAgentOfAnotherKindIsRefused()
    {
        using var temp = new TempDirectory();
        using var factory = new LlmAgentFactory(_ => null);
        var spec = LlmRuns.Spec("gpt", null, "m") with { Kind = "uniform" };

        Assert.Throws<ArgumentException>(() => factory.Create(spec, new AgentEnvironment(temp.Sub("gpt"), TimeProvider.System)));
        Assert.Equal(["llm"], factory.Kinds);
    }

    [Fact]
    public async Task TheSystemPromptTemplateIsFilledAndTheKeyIsSentButNeverWritten()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(_ => ServerReply.Json(ChatCompletionJson.Text("x", "m", 10, 3, "done")));
        using var factory = new LlmAgentFactory(name => name == "FUTURESIM_TEST_KEY" ? "sk-secret-123" : null);
        var spec = LlmRuns.Spec(
            "gpt", server.Endpoint, "m", ("ApiKeyVariable", "FUTURESIM_TEST_KEY"), ("MaxToolCallsPerDay", "7"), ("Temperature", "0.3"), ("MaxOutputTokens", "900"),
            ("SystemPrompt", "You are {{agent_name}}; {{max_tool_calls_per_day}} calls, {{max_outcomes}} outcomes, {{unknown}}."));

        var folder = await LlmRuns.RunAsync(temp.Sub("run"), factory, [spec], "2026-01-01", "2026-01-01");

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer sk-secret-123", request.Headers["authorization"]);
        var messages = request.Json.GetProperty("messages");
        Assert.Equal("You are gpt; 7 calls, 5 outcomes, {{unknown}}.", messages[0].GetProperty("content").GetString());
        Assert.Equal(0.3, request.Json.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(7, request.Json.GetProperty("tools").GetArrayLength());
        Assert.All(Directory.GetFiles(folder.Root, "*", SearchOption.AllDirectories), file => Assert.DoesNotContain("sk-secret-123", File.ReadAllText(file)));
    }

    [Fact]
    public void TheDefaultPromptExplainsTheToolsAndTheScoring()
    {
        var settings = LlmAgentSettings.Parse(LlmRuns.Spec("gpt", null, "m"));

        foreach (var tool in new[] { "search_news", "get_article", "list_questions", "submit_forecasts", "next_day", "read_notes", "write_notes" })
        {
            Assert.Contains(tool, settings.SystemPrompt);
        }

        Assert.Contains("Brier skill score", settings.SystemPrompt);
        Assert.Contains("You are gpt", settings.SystemPrompt);
        Assert.DoesNotContain("{{", settings.SystemPrompt);
    }

    [Theory]
    [InlineData("00:01:30", 90_000)]
    [InlineData("90", 90_000)]
    [InlineData("90s", 90_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("250ms", 250)]
    [InlineData("0", 0)]
    public void DurationsAreReadInConfigurationFormOrWithAUnit(string text, double milliseconds)
    {
        Assert.True(SettingsReader.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }
}
