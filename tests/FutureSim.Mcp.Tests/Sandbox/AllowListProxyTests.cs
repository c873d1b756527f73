using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using FutureSim.Mcp.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp.Tests.Sandbox;

public sealed class AllowListProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("futuresim-proxy-test-").FullName;
    private readonly LoopbackHttpServer provider = new("model-provider-ok");
    private readonly LoopbackHttpServer forbidden = new("forbidden-server");
    private readonly AllowListProxy proxy;

    public AllowListProxyTests() =>
        proxy = new AllowListProxy(
            "claude", SocketPath, [new AllowedHost("127.0.0.1", provider.Port)], LogPath,
            new FixedTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero)), NullLogger.Instance);

    private string SocketPath => Path.Combine(folder, "proxy.sock");

    private string LogPath => Path.Combine(folder, "network.log");

    [Fact]
    public async Task ATunnelToAnAllowedHostCarriesBytesBothWays()
    {
        await using var stream = await ConnectAsync();
        await WriteAsync(stream, $"CONNECT 127.0.0.1:{provider.Port} HTTP/1.1\r\nHost: 127.0.0.1:{provider.Port}\r\n\r\n");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        Assert.Equal("HTTP/1.1 200 Connection established", await reader.ReadLineAsync().WaitAsync(Limit));
        Assert.Equal("", await reader.ReadLineAsync().WaitAsync(Limit));

        await WriteAsync(stream, "GET /v1/models HTTP/1.1\r\nHost: provider\r\n\r\n");

        Assert.EndsWith("model-provider-ok\n", await reader.ReadToEndAsync().WaitAsync(Limit));
        Assert.Equal($"2026-05-01T12:00:00.000Z allowed CONNECT 127.0.0.1:{provider.Port}\n", await File.ReadAllTextAsync(LogPath));
    }

    [Fact]
    public async Task APlainHttpRequestReachesTheAllowedHostInOriginForm()
    {
        var response = await ExchangeAsync($"GET http://127.0.0.1:{provider.Port}/v1/models?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:{provider.Port}\r\nProxy-Connection: keep-alive\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response);
        Assert.EndsWith("model-provider-ok\n", response);
        Assert.Equal(["GET /v1/models?limit=1 HTTP/1.1"], provider.Requests);
    }

    [Theory]
    [InlineData("CONNECT 127.0.0.1:{forbidden} HTTP/1.1", "refused CONNECT 127.0.0.1:{forbidden}: not on the agent's AllowedHosts (127.0.0.1:{provider})")]
    [InlineData("GET http://127.0.0.1:{forbidden}/answers HTTP/1.1", "refused GET 127.0.0.1:{forbidden}: not on the agent's AllowedHosts (127.0.0.1:{provider})")]
    [InlineData("CONNECT localhost:{provider} HTTP/1.1", "refused CONNECT localhost:{provider}: not on the agent's AllowedHosts (127.0.0.1:{provider})")]
    [InlineData("GET /answers HTTP/1.1", "refused GET /answers HTTP/1.1: only CONNECT and absolute http:// requests are proxied, not 'GET /answers'")]
    public async Task EverythingElseIsRefusedAndLoggedWithItsTargetAndNothingIsReached(string requestLine, string logged)
    {
        string Fill(string text) => text.Replace("{forbidden}", $"{forbidden.Port}", StringComparison.Ordinal).Replace("{provider}", $"{provider.Port}", StringComparison.Ordinal);

        var response = await ExchangeAsync(Fill(requestLine) + "\r\nHost: x\r\n\r\n");

        Assert.Matches(@"^HTTP/1\.1 40[03] ", response);
        Assert.Contains("futuresim sandbox proxy: ", response);
        Assert.Equal($"2026-05-01T12:00:00.000Z {Fill(logged)}\n", await File.ReadAllTextAsync(LogPath));
        Assert.Equal(0, forbidden.Connections);
        Assert.Equal(0, provider.Connections);
    }

    [Fact]
    public async Task AnAllowedHostThatCannotBeReachedIsABadGatewayAndLogged()
    {
        int closed;
        await using (var gone = new LoopbackHttpServer("gone"))
        {
            closed = gone.Port;
        }

        await using var other = new AllowListProxy(
            "claude", Path.Combine(folder, "other.sock"), [new AllowedHost("127.0.0.1", closed)], LogPath, TimeProvider.System, NullLogger.Instance);
        var response = await ExchangeAsync($"CONNECT 127.0.0.1:{closed} HTTP/1.1\r\n\r\n", Path.Combine(folder, "other.sock"));

        Assert.StartsWith("HTTP/1.1 502 Bad Gateway", response);
        Assert.Contains($" failed CONNECT 127.0.0.1:{closed}: ", await File.ReadAllTextAsync(LogPath));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await proxy.DisposeAsync();
        await provider.DisposeAsync();
        await forbidden.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<NetworkStream> ConnectAsync(string? path = null)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path ?? SocketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }

    private async Task<string> ExchangeAsync(string request, string? path = null)
    {
        await using var stream = await ConnectAsync(path);
        await WriteAsync(stream, request);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(Limit);
    }

    private static async Task WriteAsync(Stream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
}
