using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// Accepts connections on a listening socket and serves each on its own task. Disposing stops accepting, cancels
/// the connections being served and waits for them. The serving function owns the accepted socket.
/// </summary>
internal sealed class SocketAcceptLoop : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly Func<Socket, CancellationToken, Task> serve;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly Task accepting;
    private readonly string? socketFile;

    private SocketAcceptLoop(Socket listener, string? socketFile, Func<Socket, CancellationToken, Task> serve)
    {
        this.listener = listener;
        this.socketFile = socketFile;
        this.serve = serve;
        accepting = AcceptAsync(stopping.Token);
    }

    /// <summary>The address the loop listens on.</summary>
    public EndPoint EndPoint => listener.LocalEndPoint!;

    /// <summary>Listens on <paramref name="address"/> (port 0: any free port).</summary>
    public static SocketAcceptLoop Tcp(IPAddress address, int port, Func<Socket, CancellationToken, Task> serve)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(128);
            return new SocketAcceptLoop(socket, null, serve);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Listens on a Unix socket at <paramref name="path"/>, which only this user may connect to; the file is removed on disposal.</summary>
    public static SocketAcceptLoop Unix(string path, Func<Socket, CancellationToken, Task> serve)
    {
        File.Delete(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            socket.Listen(128);
            return new SocketAcceptLoop(socket, path, serve);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        await accepting;
        await Task.WhenAll(connections.Keys);
        stopping.Dispose();
        if (socketFile is not null)
        {
            File.Delete(socketFile);
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var connection = ServeAsync(client, cancellationToken);
            connections[connection] = 0;
            _ = connection.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await serve(client, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended abruptly; the others go on.
        }
        finally
        {
            // Shut down before closing, so that the peer sees the end of the stream even when its last bytes were not read.
            try
            {
                client.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            client.Dispose();
        }
    }
}
