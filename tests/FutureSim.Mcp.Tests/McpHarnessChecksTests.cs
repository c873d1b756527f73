using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.TestKit;

namespace FutureSim.Mcp.Tests;

/// <summary>Over MCP the harness's checks hold as for any agent: every call is recorded, and a visibility breach stops the run.</summary>
public sealed class McpHarnessChecksTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACallOfAToolThatDoesNotExistIsAnsweredAndRecordedInTheEventLog()
    {
        using var world = SimulationWorld.Create("client");
        await using var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);

        var (text, isError) = await client.CallAsync("read_answers", new { question_id = "q-mayor" });
        Assert.True(isError);
        Assert.Contains("there is no tool named 'read_answers'", text);
        await client.TextAsync(ToolNames.NextDay);

        await client.DisposeAsync();
        await pipe.DisposeAsync();
        await server.WaitAsync(Limit);
        var call = Assert.Single(world.Events().OfType<ToolCalled>(), c => c.Tool == "read_answers");
        Assert.Equal(SimulationWorld.FirstDay, call.Day);
        Assert.Contains("no tool named", call.Error);
        Assert.Equal("q-mayor", call.Arguments.GetProperty("question_id").GetString());
    }

    [Theory]
    [InlineData(LeakMode.Return)]
    [InlineData(LeakMode.Throw)]
    public async Task AVisibilityBreachOverMcpStopsTheRunMarksItFailedAndTellsTheClientTheHarnessStopped(LeakMode leak)
    {
        using var world = SimulationWorld.Leaking(leak, "client");
        await using var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);

        var (text, isError) = await client.CallAsync(ToolNames.SearchNews, new { query = "future answer" });
        Assert.True(isError);
        Assert.DoesNotContain("Zanzibar", text);
        Assert.DoesNotContain("has ended", text);
        Assert.Contains("harness stopped the simulation", text);
        Assert.Contains("harness error", await client.TextAsync(ToolNames.NextDay));

        await client.DisposeAsync();
        await pipe.DisposeAsync();
        await Assert.ThrowsAsync<VisibilityBreachException>(() => server.WaitAsync(Limit));
        var manifest = world.Folder.ReadManifest();
        Assert.Equal(RunStatus.Failed, manifest.Status);
        Assert.Contains("Agent 'client' on 2026-01-01", manifest.Failure);
        Assert.Empty(world.Events());
    }
}
