using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// One entry of a sandboxed agent's <c>AllowedHosts</c>: a host name or IP address, optionally with a port
/// (<c>api.anthropic.com</c>, <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>). Without a port it allows the host's HTTPS and
/// HTTP ports (443 and 80). Names are compared exactly, ignoring case: an allowed name admits neither its subdomains
/// nor the addresses it resolves to.
/// </summary>
internal readonly record struct AllowedHost(string Host, int? Port)
{
    public static bool TryParse(string text, out AllowedHost allowed)
    {
        if (TryParseAuthority(text.Trim(), out var host, out var port))
        {
            allowed = new AllowedHost(host, port);
            return true;
        }

        allowed = default;
        return false;
    }

    public bool Allows(string host, int port) =>
        string.Equals(Host, host, StringComparison.OrdinalIgnoreCase) && (Port is { } only ? only == port : port is 443 or 80);

    public override string ToString() => Port is { } port ? Authority(Host, port) : Host;

    /// <summary><c>host:port</c>, with an IPv6 address in brackets.</summary>
    public static string Authority(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits <c>host[:port]</c> (an IPv6 address in brackets); the host must be a DNS name or an IP address. The host comes back in lower case, IPv6 without brackets.</summary>
    public static bool TryParseAuthority(string text, out string host, out int? port)
    {
        host = "";
        port = null;
        string name;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            name = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                portText = rest[1..];
            }

            if (!IPAddress.TryParse(name, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            name = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
            if (Uri.CheckHostName(name) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                return false;
            }
        }

        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return false;
            }

            port = number;
        }

        host = name.ToLowerInvariant();
        return true;
    }
}
