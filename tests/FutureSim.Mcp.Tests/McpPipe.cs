using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FutureSim.Mcp.Tests;

/// <summary>An in-process connection: the SDK's real client on one end of a pair of pipes, our server streams on the other.</summary>
internal sealed class McpPipe : IAsyncDisposable
{
    private readonly Pipe toServer = new();
    private readonly Pipe toClient = new();

    public Stream ServerInput => toServer.Reader.AsStream();

    public Stream ServerOutput => toClient.Writer.AsStream();

    public async Task<McpClient> ConnectAsync(CancellationToken cancellationToken) =>
        await McpClient.CreateAsync(
            new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: cancellationToken);

    /// <summary>Closes the client's side, as a client process exiting would.</summary>
    public async ValueTask DisposeAsync()
    {
        await toServer.Writer.CompleteAsync();
        await toClient.Reader.CompleteAsync();
    }
}
