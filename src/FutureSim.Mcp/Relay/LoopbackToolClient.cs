using System.Text.Json;
using FutureSim.Core.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// An MCP client of one agent's tools over loopback TCP (the relay handshake, then MCP): what a CLI agent's relay
/// does, for load tests and tools that drive agents from outside. Calls may not overlap.
/// </summary>
public sealed class LoopbackToolClient : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly McpClient client;

    private LoopbackToolClient(Stream stream, McpClient client)
    {
        this.stream = stream;
        this.client = client;
    }

    /// <summary>Connects to <see cref="LoopbackAgents.Port"/> as the agent whose secret is <paramref name="secret"/>.</summary>
    public static async Task<LoopbackToolClient> ConnectAsync(int port, string secret, CancellationToken cancellationToken)
    {
        var stream = await McpRelay.ConnectAsync(port, secret, cancellationToken);
        try
        {
            return new LoopbackToolClient(stream, await McpClient.CreateAsync(new StreamClientTransport(stream, stream), cancellationToken: cancellationToken));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a tool with JSON arguments; the reply's text as the model reads it, and whether it is an error (or empty).</summary>
    public async Task<ToolReply> CallAsync(string tool, IReadOnlyDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        var request = new CallToolRequestParams { Name = tool, Arguments = arguments?.ToDictionary(a => a.Key, a => a.Value) };
        var result = await client.CallToolAsync(request, cancellationToken);
        return new ToolReply(string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)), result.IsError == true || result.Content.Count == 0);
    }

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync();
        await stream.DisposeAsync();
    }
}
