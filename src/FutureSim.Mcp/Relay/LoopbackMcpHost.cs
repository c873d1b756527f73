using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// The host end of the agents' MCP connections: a TCP listener on 127.0.0.1 only and, for sandboxed agents, a Unix
/// socket bound into their sandboxes. Each connection starts with a <see cref="RelayHandshake"/> naming an agent by
/// its secret and is then served as an MCP session bound to that agent's hand-off alone; a connection with an
/// unknown secret is closed without a reply.
/// </summary>
internal sealed class LoopbackMcpHost : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Binding> bindings = new(StringComparer.Ordinal);
    private readonly SocketAcceptLoop loopback;
    private readonly Lock gate = new();
    private SocketAcceptLoop? unix;
    private string? unixPath;

    public LoopbackMcpHost(ILoggerFactory? loggerFactory)
    {
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<LoopbackMcpHost>();
        loopback = SocketAcceptLoop.Tcp(IPAddress.Loopback, 0, ServeAsync);
        Port = ((IPEndPoint)loopback.EndPoint).Port;
    }

    /// <summary>The loopback port relays connect to.</summary>
    public int Port { get; }

    /// <summary>Also listens on a Unix socket at <paramref name="path"/> (once; later calls keep the first path) and returns its path.</summary>
    public string ListenOnUnixSocket(string path)
    {
        lock (gate)
        {
            if (unix is null)
            {
                unix = SocketAcceptLoop.Unix(path, ServeAsync);
                unixPath = path;
            }

            return unixPath!;
        }
    }

    /// <summary>Binds a new secret to <paramref name="handOff"/> and returns it.</summary>
    public string Register(string agent, DayHandOff handOff, NextDayMode nextDayMode)
    {
        var secret = RelayHandshake.NewSecret();
        bindings[secret] = new Binding(agent, handOff, nextDayMode);
        return secret;
    }

    public async ValueTask DisposeAsync()
    {
        await loopback.DisposeAsync();
        if (unix is not null)
        {
            await unix.DisposeAsync();
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        if (client.ProtocolType == ProtocolType.Tcp)
        {
            client.NoDelay = true;
        }

        await using var stream = new NetworkStream(client, ownsSocket: false);
        try
        {
            string? secret;
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                handshake.CancelAfter(HandshakeTimeout);
                secret = await RelayHandshake.ReadSecretAsync(stream, handshake.Token);
            }

            var binding = secret is null ? null : Find(secret);
            if (binding is null)
            {
                logger.LogWarning("Refused an MCP relay connection with an unknown secret");
                return;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object> { ["Agent"] = binding.Agent });
            logger.LogInformation("Agent {Agent} connected over MCP", binding.Agent);
            await McpSessionHost.ServeAsync(binding.HandOff, binding.NextDayMode, stream, stream, loggerFactory, cancellationToken);
            logger.LogInformation("Agent {Agent} disconnected", binding.Agent);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogDebug(e, "An MCP relay connection ended abruptly");
        }
    }

    private Binding? Find(string secret)
    {
        foreach (var (known, binding) in bindings)
        {
            if (RelayHandshake.Matches(known, secret))
            {
                return binding;
            }
        }

        return null;
    }

    private sealed record Binding(string Agent, DayHandOff HandOff, NextDayMode NextDayMode);
}
