using System.Net;
using FutureSim.Core.Scoring;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Runs;
using FutureSim.Viewer.Server;

namespace FutureSim.Viewer.Tests.Server;

/// <summary>The viewer's server over real HTTP: only the researcher's browser gets in, and only the given run folders come out.</summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerServerTests(ViewerRun run) : IAsyncLifetime
{
    private const string Token = "0123456789abcdef0123456789abcdef";
    private RunLibrary? _library;
    private ViewerServer? _server;

    private Uri Base => new(_server!.Address.GetLeftPart(UriPartial.Authority));

    public async Task InitializeAsync()
    {
        _library = new RunLibrary(RunLocator.Find([run.RunsDirectory]), _ => NormalisingAnswerMatcher.Instance, new ArticleLibrary(null), TimeProvider.System);
        _server = await ViewerServer.StartAsync(_library, new ViewerOptions { Port = 0, Token = Token }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _library!.Dispose();
    }

    [Fact]
    public async Task TheServerListensOnLoopbackOnly()
    {
        Assert.Equal("127.0.0.1", _server!.Address.Host);
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(_server.Address)).StatusCode);
    }

    [Fact]
    public async Task ARequestWithoutTheTokenIsRefused()
    {
        using var client = new HttpClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Base, "/api/runs"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Base, "/"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(Base, "/api/runs?token=" + Token[..^1] + "0"))).StatusCode);
    }

    [Fact]
    public async Task TheTokenOnceGivesACookieThatOpensEveryDocument()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var client = new HttpClient(handler);

        var page = await client.GetAsync(_server!.Address);
        var runs = await client.GetStringAsync(new Uri(Base, "/api/runs"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("token", page.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal); // dropped from the address bar
        Assert.Contains(ViewerRun.RunId, runs);
    }

    [Fact]
    public async Task ARequestNamingAnotherHostIsRefused()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Base, "/api/runs?token=" + Token));
        request.Headers.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/runs/..%2F..%2F..%2Fetc/leaderboard")]
    [InlineData("/api/runs/%2E%2E/leaderboard")]
    [InlineData("/api/runs/view-a/agents/..%2F..%2F..%2F..%2Fetc/days/2025-01-20")]
    [InlineData("/api/runs/view-a/agents/news-frequency/days/..%2F..%2Fmanifest.json")]
    [InlineData("/api/runs/view-a/../../manifest.json")]
    [InlineData("/manifest.json")]
    [InlineData("/events.jsonl")]
    [InlineData("/api/runs/view-a/events.jsonl")]
    [InlineData("/viewer.js/../../appsettings.json")]
    public async Task PathsOutsideTheGivenRunFoldersAreRefused(string path)
    {
        // Sent byte for byte (an HTTP client would resolve the dot segments before sending).
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Base.Host, Base.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {Base.Authority}\r\nCookie: {AccessGate.CookieName}={Token}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        var response = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 404", response, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        Assert.DoesNotContain("format_version", response, StringComparison.Ordinal);
    }
}
