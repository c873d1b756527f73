using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// The host end of the agents' MCP connections: a TCP listener on 127.0.0.1 only. Each connection starts with a
/// <see cref="RelayHandshake"/> naming an agent by its secret and is then served as an MCP session bound to that
/// agent's hand-off alone; a connection with an unknown secret is closed without a reply.
/// </summary>
internal sealed class LoopbackMcpHost : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, Binding> bindings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly Task accepting;

    public LoopbackMcpHost(ILoggerFactory? loggerFactory)
    {
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<LoopbackMcpHost>();
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(stopping.Token);
    }

    /// <summary>The loopback port relays connect to.</summary>
    public int Port { get; }

    /// <summary>Binds a new secret to <paramref name="handOff"/> and returns it.</summary>
    public string Register(string agent, DayHandOff handOff, NextDayMode nextDayMode)
    {
        var secret = RelayHandshake.NewSecret();
        bindings[secret] = new Binding(agent, handOff, nextDayMode);
        return secret;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(connections.Keys);
        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
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

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
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
