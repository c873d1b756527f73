using System.Text;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// One request to a sandbox's proxy: <c>CONNECT host:port HTTP/1.1</c> (a tunnel, as HTTPS clients use) or an
/// absolute-form <c>METHOD http://host[:port]/path HTTP/1.1</c> (plain HTTP, passed on to the origin server in origin
/// form with <c>Connection: close</c>, so that a connection serves one origin only).
/// </summary>
internal sealed record ProxyRequest
{
    /// <summary>The longest request head the proxy reads.</summary>
    public const int MaxHeadBytes = 32 * 1024;

    private static readonly string[] DroppedHeaders = ["Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization"];

    public required string Method { get; init; }

    /// <summary>Lower case; an IPv6 address without brackets.</summary>
    public required string Host { get; init; }

    public required int Port { get; init; }

    public bool IsTunnel => Method == "CONNECT";

    /// <summary>For plain HTTP, the head to send to the origin server; empty for a tunnel.</summary>
    public byte[] OriginHead { get; init; } = [];

    /// <summary><c>host:port</c>, as logged.</summary>
    public string Target => AllowedHost.Authority(Host, Port);

    /// <summary>
    /// Reads up to and including the blank line that ends a request head. Returns the head and the bytes read past it,
    /// or null when the stream ends first or the head is longer than <see cref="MaxHeadBytes"/>.
    /// </summary>
    public static async Task<(string Head, byte[] Extra)?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            var searchFrom = Math.Max(0, filled - 3);
            filled += read;
            var end = buffer.AsSpan(searchFrom, filled - searchFrom).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var headLength = searchFrom + end + 4;
                return (Encoding.Latin1.GetString(buffer, 0, headLength), buffer[headLength..filled]);
            }
        }

        return null;
    }

    /// <summary>Parses a request head; null, with the reason in <paramref name="error"/>, when this proxy does not serve it.</summary>
    public static ProxyRequest? Parse(string head, out string error)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            error = "not an HTTP/1.x request";
            return null;
        }

        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (method == "CONNECT")
        {
            if (!AllowedHost.TryParseAuthority(target, out var host, out var port) || port is null)
            {
                error = $"CONNECT needs host:port, not '{target}'";
                return null;
            }

            error = "";
            return new ProxyRequest { Method = method, Host = host, Port = port.Value };
        }

        const string scheme = "http://";
        if (!target.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"only CONNECT and absolute http:// requests are proxied, not '{method} {target}'";
            return null;
        }

        var pathStart = target.IndexOfAny(['/', '?', '#'], scheme.Length);
        var authority = pathStart < 0 ? target[scheme.Length..] : target[scheme.Length..pathStart];
        if (authority.Contains('@', StringComparison.Ordinal) || !AllowedHost.TryParseAuthority(authority, out var originHost, out var originPort))
        {
            error = $"'{target}' does not name a host";
            return null;
        }

        var path = pathStart < 0 ? "/" : target[pathStart..];
        if (path.StartsWith('?'))
        {
            path = "/" + path;
        }

        var origin = new StringBuilder().Append(method).Append(' ').Append(path).Append(' ').Append(version).Append("\r\n");
        var hasHost = false;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var name = line.Split(':', 2)[0].Trim();
            if (DroppedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            hasHost |= name.Equals("Host", StringComparison.OrdinalIgnoreCase);
            origin.Append(line).Append("\r\n");
        }

        if (!hasHost)
        {
            origin.Append("Host: ").Append(authority).Append("\r\n");
        }

        origin.Append("Connection: close\r\n\r\n");
        error = "";
        return new ProxyRequest
        {
            Method = method, Host = originHost, Port = originPort ?? 80, OriginHead = Encoding.Latin1.GetBytes(origin.ToString()),
        };
    }
}
