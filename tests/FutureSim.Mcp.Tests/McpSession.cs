using FutureSim.Core.Tools;
using ModelContextProtocol.Client;

namespace FutureSim.Mcp.Tests;

/// <summary>
/// A single-agent simulation served over in-process pipes to the SDK's real client, for tests that act on
/// particular days: <see cref="AdvanceToAsync"/> calls next_day until the given day.
/// </summary>
internal sealed class McpSession : IAsyncDisposable
{
    private readonly McpPipe pipe;
    private readonly Task server;

    private McpSession(SimulationWorld world, McpPipe pipe, Task server, McpClient client)
    {
        World = world;
        this.pipe = pipe;
        this.server = server;
        Client = client;
    }

    public SimulationWorld World { get; }

    public McpClient Client { get; }

    public DateOnly Today { get; private set; } = SimulationWorld.FirstDay;

    public static async Task<McpSession> StartAsync()
    {
        var world = SimulationWorld.Create("client");
        var pipe = new McpPipe();
        var server = McpSimulationServer.RunAsync(pipe.ServerInput, pipe.ServerOutput, world.RunAsync, null, CancellationToken.None);
        var client = await pipe.ConnectAsync(CancellationToken.None);
        return new McpSession(world, pipe, server, client);
    }

    public async Task AdvanceToAsync(DateOnly day)
    {
        while (Today < day)
        {
            await Client.TextAsync(ToolNames.NextDay);
            Today = Today.AddDays(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await pipe.DisposeAsync();
        try
        {
            await server.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            World.Dispose();
        }
    }
}
