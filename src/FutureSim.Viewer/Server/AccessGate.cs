using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FutureSim.Viewer.Server;

/// <summary>
/// Lets a request through only when it carries the viewer's token and names the viewer's own host. The token
/// keeps other local processes — an agent with a shell, say — from reading the runs (which hold every answer);
/// the host check stops web pages from reaching the server through DNS rebinding.
/// </summary>
internal sealed class AccessGate(ViewerOptions options)
{
    public const string CookieName = "futuresim_viewer";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(options.Token);

    /// <summary>The port the server is bound to, once known (with port 0 any port is accepted until then).</summary>
    public int Port { get; set; } = options.Port;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HostAllowed(context.Request.Host))
        {
            await Refuse(context, StatusCodes.Status400BadRequest, "This server answers only requests addressed to its own host name.");
            return;
        }

        if (context.Request.Query.TryGetValue("token", out var given) && Matches(given.ToString()))
        {
            context.Response.Cookies.Append(CookieName, options.Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/")
            {
                context.Response.Redirect("/", permanent: false); // drops the token from the address bar
                return;
            }

            await next(context);
            return;
        }

        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie))
        {
            await next(context);
            return;
        }

        await Refuse(context, StatusCodes.Status403Forbidden, "Open the address futuresim view printed (it carries the access token).");
    }

    private bool Matches(string? value) =>
        value is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _token);

    private bool HostAllowed(HostString host)
    {
        var name = host.Host;
        var portOk = host.Port is null || Port == 0 || host.Port == Port;
        return portOk && (name is "localhost" or "127.0.0.1" or "[::1]" or "::1" || name == options.Address.ToString());
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
