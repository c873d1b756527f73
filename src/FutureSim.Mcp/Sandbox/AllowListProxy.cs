using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using FutureSim.Mcp.Relay;
using Microsoft.Extensions.Logging;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// The host side of one sandboxed agent's network: an HTTP proxy on a Unix socket bound into that agent's sandbox
/// (its only way out). It opens tunnels (<c>CONNECT</c>) and forwards plain <c>http://</c> requests to the agent's
/// allowed hosts only, and answers everything else with an error. Every attempt is written to the agent's network log
/// (<c>logs/network.log</c>: time, <c>allowed</c>, <c>refused</c> or <c>failed</c>, method and target).
/// </summary>
internal sealed class AllowListProxy : IAsyncDisposable
{
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly string agent;
    private readonly ImmutableArray<AllowedHost> allowed;
    private readonly string logPath;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock logGate = new();
    private readonly SocketAcceptLoop loop;

    public AllowListProxy(string agent, string socketPath, ImmutableArray<AllowedHost> allowed, string logPath, TimeProvider timeProvider, ILogger logger)
    {
        this.agent = agent;
        this.allowed = allowed;
        this.logPath = logPath;
        this.timeProvider = timeProvider;
        this.logger = logger;
        loop = SocketAcceptLoop.Unix(socketPath, ServeAsync);
    }

    public ValueTask DisposeAsync() => loop.DisposeAsync();

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await using var downstream = new NetworkStream(client, ownsSocket: false);
        (string Head, byte[] Extra)? head;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(HeadTimeout);
            head = await ProxyRequest.ReadHeadAsync(downstream, timeout.Token);
        }

        if (head is not { } received)
        {
            return;
        }

        var request = ProxyRequest.Parse(received.Head, out var error);
        if (request is null)
        {
            var line = received.Head.Split("\r\n")[0];
            Record("refused", line.Length > 200 ? line[..200] + "…" : line, error);
            await RespondAsync(downstream, "400 Bad Request", $"futuresim sandbox proxy: {error}.", cancellationToken);
            return;
        }

        if (!allowed.Any(a => a.Allows(request.Host, request.Port)))
        {
            var list = allowed.IsEmpty ? "none" : string.Join(", ", allowed);
            Record("refused", $"{request.Method} {request.Target}", $"not on the agent's AllowedHosts ({list})");
            await RespondAsync(downstream, "403 Forbidden", $"futuresim sandbox proxy: {request.Target} is not on this agent's AllowedHosts ({list}).", cancellationToken);
            return;
        }

        using var upstream = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await upstream.ConnectAsync(request.Host, request.Port, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Record("failed", $"{request.Method} {request.Target}", e.Message);
            await RespondAsync(downstream, "502 Bad Gateway", $"futuresim sandbox proxy: cannot reach {request.Target}: {e.Message}", cancellationToken);
            return;
        }

        Record("allowed", $"{request.Method} {request.Target}", null);
        var origin = upstream.GetStream();
        if (request.IsTunnel)
        {
            await downstream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            await origin.WriteAsync(request.OriginHead, cancellationToken);
        }

        await origin.WriteAsync(received.Extra, cancellationToken);
        await DuplexCopy.BothWaysAsync(downstream, origin, cancellationToken);
    }

    private static async Task RespondAsync(Stream stream, string status, string message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message + "\n");
        var head = $"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    private void Record(string verdict, string attempt, string? reason)
    {
        var line = $"{timeProvider.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {verdict} {attempt}{(reason is null ? "" : ": " + reason)}\n";
        lock (logGate)
        {
            File.AppendAllText(logPath, line);
        }

        if (verdict == "allowed")
        {
            logger.LogDebug("Agent {Agent}: proxied {Attempt}", agent, attempt);
        }
        else
        {
            logger.LogWarning("Agent {Agent}: network access {Verdict}: {Attempt} ({Reason})", agent, verdict, attempt, reason);
        }
    }
}
