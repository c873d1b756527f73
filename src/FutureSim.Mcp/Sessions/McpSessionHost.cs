using FutureSim.Mcp.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Server;

namespace FutureSim.Mcp.Sessions;

/// <summary>Runs one MCP server session over a pair of streams (stdio, a pipe or a loopback socket) for one agent's hand-off.</summary>
internal static class McpSessionHost
{
    /// <summary>Serves until the client closes its side of the connection or <paramref name="cancellationToken"/> fires.</summary>
    public static async Task ServeAsync(
        DayHandOff handOff, NextDayMode nextDayMode, Stream input, Stream output, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var session = new McpToolSession(handOff, nextDayMode, loggerFactory.CreateLogger<McpToolSession>());
        await using var transport = new StreamServerTransport(input, output, McpToolCatalog.ServerName, loggerFactory);
        await using var server = McpServer.Create(transport, session.CreateOptions(), loggerFactory);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the caller asked for it.
        }
    }
}
