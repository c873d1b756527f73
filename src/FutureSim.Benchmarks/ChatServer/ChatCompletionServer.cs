using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (a free port) that speaks enough of the OpenAI
/// chat-completions protocol for offline tests and benchmarks: each request is handed to a scripted
/// responder, which returns a completion, an error with headers, a delayed answer, or a dropped
/// connection. Keep-alive, Content-Length and chunked request bodies are supported.
/// </summary>
public sealed class ChatCompletionServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<ServedRequest, CancellationToken, Task<ServerReply>> respond;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<ServedRequest> requests = [];
    private readonly List<TcpClient> connections = [];
    private readonly Lock gate = new();
    private readonly Task accepting;
    private int count;

    private ChatCompletionServer(Func<ServedRequest, CancellationToken, Task<ServerReply>> respond)
    {
        this.respond = respond;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 512);
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/");
        accepting = AcceptAsync();
    }

    /// <summary>The API base URL, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<ServedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static ChatCompletionServer Start(Func<ServedRequest, CancellationToken, Task<ServerReply>> respond) => new(respond);

    public static ChatCompletionServer Start(Func<ServedRequest, ServerReply> respond) => new((r, _) => Task.FromResult(respond(r)));

    /// <summary>Stops listening and closes every connection; later requests fail to connect.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        listener.Stop();
        lock (gate)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }

        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            client.NoDelay = true;
            lock (gate)
            {
                connections.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var token = stopping.Token;
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new HttpRequestReader(stream);
                while (!token.IsCancellationRequested)
                {
                    var raw = await reader.ReadAsync(token);
                    if (raw is null)
                    {
                        return;
                    }

                    ServedRequest request;
                    lock (gate)
                    {
                        request = new ServedRequest(++count, raw.Value.Method, raw.Value.Path, raw.Value.Headers, raw.Value.Body, System.Diagnostics.Stopwatch.GetTimestamp());
                        requests.Add(request);
                    }

                    ServerReply reply;
                    try
                    {
                        reply = await respond(request, token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A broken script shows up as a server error naming the cause, not as a hang.
                        reply = ServerReply.Error(500, $"The scripted responder failed: {e.GetType().Name}: {e.Message}");
                    }

                    if (reply.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(reply.Delay, token);
                    }

                    if (reply.Drop)
                    {
                        // Reset rather than close, so the client sees a broken connection.
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    await stream.WriteAsync(Encode(reply), token);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (e.g. it timed out) or the server is stopping.
        }
        finally
        {
            lock (gate)
            {
                connections.Remove(client);
            }
        }
    }

    private static byte[] Encode(ServerReply reply)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n");
        head.Append("Content-Type: application/json\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
