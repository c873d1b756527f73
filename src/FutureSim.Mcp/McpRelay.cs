using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp.Relay;

namespace FutureSim.Mcp;

/// <summary>
/// The stdio relay a CLI agent's MCP configuration launches (<c>futuresim mcp-relay --port P --secret-file F</c>):
/// it connects to the host's loopback MCP endpoint as the agent whose secret it holds and copies bytes both
/// ways, so that the agent's harness talks plain stdio MCP while the host owns the simulation state.
/// </summary>
public static class McpRelay
{
    /// <summary>The CLI verb that runs <see cref="RunAsync"/>.</summary>
    public const string VerbName = "mcp-relay";

    /// <summary>
    /// Relays <paramref name="input"/> to the host on 127.0.0.1:<paramref name="port"/> and the host's replies to
    /// <paramref name="output"/> until either side closes. Returns the process exit code: 0 after a normal end, 2 when
    /// the host cannot be reached.
    /// </summary>
    public static async Task<int> RunAsync(int port, string secret, Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        Stream host;
        try
        {
            host = await ConnectAsync(port, secret, cancellationToken);
        }
        catch (SocketException e)
        {
            await errors.WriteLineAsync($"futuresim mcp-relay: cannot reach the simulation host on 127.0.0.1:{port}: {e.Message}");
            return 2;
        }

        await using (host)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var upstream = CopyAsync(input, host, shutdownAfter: true, stop.Token);
            var downstream = CopyAsync(host, output, shutdownAfter: false, stop.Token);

            // The host ending the session ends the relay; the client ending its input only half-closes, so replies still arrive.
            await downstream;
            await stop.CancelAsync();

            // A blocking read of a console's stdin may ignore cancellation; do not let it keep the relay alive.
            await Task.WhenAny(upstream, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
        }

        return 0;
    }

    /// <summary>Reads the secret from a file (first line), so that it appears neither in process listings nor in configuration.</summary>
    public static string ReadSecretFile(string path) => File.ReadLines(path).FirstOrDefault()?.Trim() ?? "";

    internal static async Task<Stream> ConnectAsync(int port, string secret, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: true);
            await stream.WriteAsync(RelayHandshake.Line(secret), cancellationToken);
            return stream;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, bool shutdownAfter, CancellationToken cancellationToken)
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
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Either side went away: the relay's job is done.
        }
    }
}
