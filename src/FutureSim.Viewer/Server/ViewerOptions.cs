using System.Net;

namespace FutureSim.Viewer.Server;

/// <summary>Where the viewer listens and the secret a browser must present (in the address it is given, then as a cookie).</summary>
public sealed record ViewerOptions
{
    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 5180;

    /// <summary>The address to listen on: loopback unless the researcher asks otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The access token; every request must carry it (query <c>token</c> once, then the cookie).</summary>
    public required string Token { get; init; }

    /// <exception cref="ArgumentException">A port outside 0 … 65535 or a token shorter than 16 characters.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port {Port}: use a port between 1 and 65535, or 0 for any free port.");
        }

        if (Token.Length < 16)
        {
            throw new ArgumentException("The access token must have at least 16 characters.");
        }
    }
}
