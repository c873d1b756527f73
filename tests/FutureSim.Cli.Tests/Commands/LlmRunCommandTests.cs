using System.Text.Json;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Runs;

namespace FutureSim.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class LlmRunCommandTests(CliRun cli)
{
    [Fact]
    public async Task AnLlmAgentFromAConfigFileRunsBesideABaselineAndItsReplayNeedsNoServer()
    {
        var config = Path.Combine(cli.Root, "llm.json");
        await using (var server = ChatCompletionServer.Start(ScriptedForecaster.Respond))
        {
            File.WriteAllText(config, JsonSerializer.Serialize(new
            {
                Agents = new[] { new { Name = "gpt", Kind = "llm", Endpoint = server.Endpoint.ToString(), Model = "scripted", PriceInputPerMTok = 1.0, PriceOutputPerMTok = 2.0 } },
            }));
            var (code, output) = await cli.RunAsync("run", "--config", config, "--agents", "gpt,crowd", "--run-id", "llm", "--start", "2025-12-01", "--end", "2025-12-04", "--quiet");

            Assert.Equal(0, code);
            Assert.NotEmpty(server.Requests);
            Assert.Contains("## Model usage", output);
        }

        var original = Path.Combine(cli.RunsDirectory, "llm");
        var events = RunFolderReader.ReadEvents(Path.Combine(original, "events.jsonl")).ToArray();
        Assert.Contains(events, e => e is ToolCalled { Agent: "gpt" });
        Assert.Empty(events.OfType<AgentFailed>());

        // The server is gone: the replay answers every model call from the recording.
        var (replayCode, _) = await cli.RunAsync("run", "--config", config, "--replay", "llm", "--run-id", "llm-replay", "--quiet");

        Assert.Equal(0, replayCode);
        var replay = Path.Combine(cli.RunsDirectory, "llm-replay");
        Assert.Equal(File.ReadAllBytes(Path.Combine(original, "events.jsonl")), File.ReadAllBytes(Path.Combine(replay, "events.jsonl")));
        Assert.Equal(File.ReadAllText(Path.Combine(original, "agents", "gpt", "usage.csv")), File.ReadAllText(Path.Combine(replay, "agents", "gpt", "usage.csv")));
        Assert.Equal("llm", RunFolder.Open(replay).ReadManifest().ReplayOf);
    }
}
