using System.Text;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Mcp.Tests.Sandbox;

public sealed class ProxyRequestTests
{
    [Fact]
    public void ATunnelRequestNamesItsHostAndPort()
    {
        var request = ProxyRequest.Parse("CONNECT API.Anthropic.com:443 HTTP/1.1\r\nHost: api.anthropic.com:443\r\n\r\n", out _)!;

        Assert.True(request.IsTunnel);
        Assert.Equal(("api.anthropic.com", 443, "api.anthropic.com:443"), (request.Host, request.Port, request.Target));
        Assert.Equal("[::1]:8443", ProxyRequest.Parse("CONNECT [::1]:8443 HTTP/1.1\r\n\r\n", out _)!.Target);
    }

    [Fact]
    public void APlainRequestGoesOnInOriginFormWithoutProxyHeadersAndClosesAfterOneResponse()
    {
        var request = ProxyRequest.Parse(
            "POST http://10.0.0.5:8000/v1/chat/completions HTTP/1.1\r\nHost: 10.0.0.5:8000\r\nProxy-Authorization: Basic x\r\n" +
            "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n", out _)!;

        Assert.False(request.IsTunnel);
        Assert.Equal(("10.0.0.5", 8000), (request.Host, request.Port));
        Assert.Equal(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 10.0.0.5:8000\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
            Encoding.Latin1.GetString(request.OriginHead));
        Assert.Equal(
            "GET /?q=1 HTTP/1.0\r\nHost: example.org\r\nConnection: close\r\n\r\n",
            Encoding.Latin1.GetString(ProxyRequest.Parse("GET http://example.org?q=1 HTTP/1.0\r\n\r\n", out _)!.OriginHead));
    }

    [Theory]
    [InlineData("CONNECT api.anthropic.com HTTP/1.1", "CONNECT needs host:port")]
    [InlineData("GET https://api.anthropic.com/ HTTP/1.1", "only CONNECT and absolute http:// requests are proxied")]
    [InlineData("GET http://user@evil.example/ HTTP/1.1", "does not name a host")]
    [InlineData("GET http://exa mple.org/ HTTP/1.1", "not an HTTP/1.x request")]
    [InlineData("\u0016\u0003\u0001", "not an HTTP/1.x request")]
    public void RequestsThisProxyDoesNotServeAreNamedWithTheReason(string requestLine, string reason)
    {
        Assert.Null(ProxyRequest.Parse(requestLine + "\r\n\r\n", out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("api.anthropic.com", "api.anthropic.com", 443, true)]
    [InlineData("api.anthropic.com", "API.ANTHROPIC.COM", 80, true)]
    [InlineData("api.anthropic.com", "api.anthropic.com", 22, false)]
    [InlineData("api.anthropic.com", "evil.api.anthropic.com", 443, false)]
    [InlineData("api.anthropic.com", "160.79.104.10", 443, false)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080, true)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8081, false)]
    [InlineData("[::1]:8080", "::1", 8080, true)]
    public void AnAllowedHostAdmitsExactlyItsNameAndPorts(string entry, string host, int port, bool allowed)
    {
        Assert.True(AllowedHost.TryParse(entry, out var parsed));
        Assert.Equal(allowed, parsed.Allows(host, port));
    }

    [Theory]
    [InlineData("https://api.anthropic.com")]
    [InlineData("api.anthropic.com/v1")]
    [InlineData("*.anthropic.com")]
    [InlineData("host:0")]
    [InlineData("::1")]
    [InlineData("")]
    public void WhatIsNotAHostOrHostAndPortIsNoAllowedHost(string entry) => Assert.False(AllowedHost.TryParse(entry, out _));
}
