using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp.Relay;

namespace FutureSim.Mcp;

/// <summary>
/// The stdio relay a CLI agent's MCP configuration launches (<c>futuresim mcp-relay --port P --secret-file F</c>, or
/// <c>--socket PATH</c> inside a sandbox): it connects to the host's MCP endpoint as the agent whose secret it holds
/// and copies bytes both ways, so that the agent's harness talks plain stdio MCP while the host owns the simulation state.
/// </summary>
public static class McpRelay
{
    /// <summary>The CLI verb that runs <see cref="RunAsync(EndPoint, string, Stream, Stream, TextWriter, CancellationToken)"/>.</summary>
    public const string VerbName = "mcp-relay";

    /// <summary>Relays to the host on 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<int> RunAsync(int port, string secret, Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(new IPEndPoint(IPAddress.Loopback, port), secret, input, output, errors, cancellationToken);

    /// <summary>
    /// Relays <paramref name="input"/> to the host at <paramref name="host"/> (a loopback port or a Unix socket) and the
    /// host's replies to <paramref name="output"/> until either side closes. Returns the process exit code: 0 after a
    /// normal end, 2 when the host cannot be reached.
    /// </summary>
    public static async Task<int> RunAsync(EndPoint host, string secret, Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        Stream connection;
        try
        {
            connection = await ConnectAsync(host, secret, cancellationToken);
        }
        catch (SocketException e)
        {
            await errors.WriteLineAsync($"futuresim mcp-relay: cannot reach the simulation host on {host}: {e.Message}");
            return 2;
        }

        await using (connection)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var upstream = DuplexCopy.OneWayAsync(input, connection, shutdownAfter: true, stop.Token);
            var downstream = DuplexCopy.OneWayAsync(connection, output, shutdownAfter: false, stop.Token);

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

    internal static Task<Stream> ConnectAsync(int port, string secret, CancellationToken cancellationToken) =>
        ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), secret, cancellationToken);

    internal static async Task<Stream> ConnectAsync(EndPoint host, string secret, CancellationToken cancellationToken)
    {
        var socket = host is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, cancellationToken);
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
}
