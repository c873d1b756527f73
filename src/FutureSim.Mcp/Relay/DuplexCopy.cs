using System.Net.Sockets;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// Copies bytes between connected streams (the MCP relay, the sandbox's proxy forwarder, the allow-list proxy's
/// tunnels). The end of one direction half-closes the socket it was writing to, so the other side sees the end of
/// its input while its replies still flow back.
/// </summary>
internal static class DuplexCopy
{
    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/> until <paramref name="from"/> ends; then, when
    /// <paramref name="shutdownAfter"/>, half-closes <paramref name="to"/> if it is a socket. Returns false when
    /// either side failed or the copy was cancelled, true after a clean end.
    /// </summary>
    public static async Task<bool> OneWayAsync(Stream from, Stream to, bool shutdownAfter, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await to.FlushAsync(cancellationToken);
            }

            if (shutdownAfter && to is NetworkStream network)
            {
                network.Socket.Shutdown(SocketShutdown.Send);
            }

            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Either side went away.
            return false;
        }
    }

    /// <summary>Copies both ways until both directions have ended; a failure of either direction ends the other.</summary>
    public static async Task BothWaysAsync(Stream first, Stream second, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task OneAsync(Stream from, Stream to)
        {
            if (!await OneWayAsync(from, to, shutdownAfter: true, stop.Token))
            {
                await stop.CancelAsync();
            }
        }

        await Task.WhenAll(OneAsync(first, second), OneAsync(second, first));
    }
}
