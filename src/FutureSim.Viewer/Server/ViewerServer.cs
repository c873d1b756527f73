using System.Net;
using FutureSim.Viewer.Assets;
using FutureSim.Viewer.Documents;
using FutureSim.Viewer.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace FutureSim.Viewer.Server;

/// <summary>
/// The researcher's run viewer: a Kestrel server that serves one page, its script and stylesheet, and the
/// documents of <see cref="DocumentRouter"/> under <c>/api/</c>. It serves no file from disk. It is a process of
/// its own (<c>futuresim view</c>), never part of an agent's tools.
/// </summary>
public sealed class ViewerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ViewerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address to open, token included.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening; the library starts reading its runs at once.</summary>
    public static async Task<ViewerServer> StartAsync(RunLibrary library, ViewerOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port);
        });
        builder.Services.AddSingleton(library);
        var app = builder.Build();
        library.StartLoading();

        var router = new DocumentRouter(library);
        var gate = new AccessGate(options);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            return gate.InvokeAsync(context, next);
        });
        app.MapGet("/", () => Results.Bytes(ViewerAssets.ServerPage, "text/html; charset=utf-8"));
        app.MapGet("/viewer.js", () => Results.Bytes(ViewerAssets.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/viewer.css", () => Results.Bytes(ViewerAssets.Stylesheet, "text/css; charset=utf-8"));
        app.Map("/api/{**path}", async (HttpContext context) =>
        {
            // The raw target keeps encoded slashes encoded, so that each segment is decoded exactly once.
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            var path = target.Split('?', 2)[0]["/api/".Length..];
            return await router.GetAsync(path, context.RequestAborted) is { } json
                ? Results.Bytes(json, "application/json; charset=utf-8")
                : Results.NotFound();
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        gate.Port = bound.Port;
        var host = options.Address.Equals(IPAddress.Any) || options.Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bound.Host;
        return new ViewerServer(app, new Uri($"http://{host}:{bound.Port}/?token={Uri.EscapeDataString(options.Token)}"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The researcher stopped the viewer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
