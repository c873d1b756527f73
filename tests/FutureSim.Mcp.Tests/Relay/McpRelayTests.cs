using FutureSim.Core.Tools;
using FutureSim.Mcp.Relay;
using FutureSim.Mcp.Sessions;

namespace FutureSim.Mcp.Tests.Relay;

public sealed class McpRelayTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheRelayCarriesAClientsSessionToTheAgentItsSecretNames()
    {
        using var world = SimulationWorld.Create("client");
        await using var host = new LoopbackMcpHost(null);
        var agent = new McpClientAgent();
        var secret = host.Register("client", agent.HandOff, NextDayMode.WaitForNextDay);
        var run = world.RunAsync(agent, CancellationToken.None).ContinueWith(t => { agent.Complete(); return t; }, TaskScheduler.Default).Unwrap();
        await using var pipe = new McpPipe();
        var relay = McpRelay.RunAsync(host.Port, secret, pipe.ServerInput, pipe.ServerOutput, TextWriter.Null, CancellationToken.None);

        var client = await pipe.ConnectAsync(CancellationToken.None);
        Assert.Contains("Today is 2026-01-01", await client.TextAsync(ToolNames.ListQuestions));
        for (var i = 0; i < 4; i++)
        {
            await client.TextAsync(ToolNames.NextDay);
        }

        Assert.Contains("complete", await client.TextAsync(ToolNames.NextDay));
        await run.WaitAsync(Limit);
        await client.DisposeAsync();
        await pipe.DisposeAsync();
        Assert.Equal(0, await relay.WaitAsync(Limit));
    }

    [Fact]
    public async Task AConnectionWithAnUnknownSecretIsClosedWithoutAReply()
    {
        await using var host = new LoopbackMcpHost(null);
        host.Register("client", new DayHandOff(), NextDayMode.WaitForNextDay);

        await using var stream = await McpRelay.ConnectAsync(host.Port, RelayHandshake.NewSecret(), CancellationToken.None);
        await stream.WriteAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n"u8.ToArray());

        Assert.Equal(0, await stream.ReadAsync(new byte[64]).AsTask().WaitAsync(Limit));
    }

    [Fact]
    public async Task ARelayThatCannotReachTheHostSaysSoAndFails()
    {
        var errors = new StringWriter();
        int port;
        await using (var host = new LoopbackMcpHost(null))
        {
            port = host.Port;
        }

        Assert.Equal(2, await McpRelay.RunAsync(port, "x", new MemoryStream(), new MemoryStream(), errors, CancellationToken.None));
        Assert.Contains("cannot reach the simulation host", errors.ToString());
    }
}
