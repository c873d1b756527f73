using System.Security.Cryptography;
using System.Text;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// The first line a relay sends on its loopback connection, naming the agent it speaks for by that agent's
/// secret: <c>FUTURESIM-MCP-RELAY 1 &lt;secret&gt;\n</c>. Everything after it is MCP's newline-delimited JSON-RPC.
/// </summary>
internal static class RelayHandshake
{
    public const string Prefix = "FUTURESIM-MCP-RELAY 1 ";
    public const int MaxLength = 256;

    /// <summary>A fresh random secret (256 bits, hex).</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static byte[] Line(string secret) => Encoding.ASCII.GetBytes(Prefix + secret + "\n");

    /// <summary>Reads the handshake byte by byte (so that no MCP bytes are consumed); null when the line is malformed or too long.</summary>
    public static async Task<string?> ReadSecretAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>(MaxLength);
        var one = new byte[1];
        while (line.Count < MaxLength)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            if (one[0] == (byte)'\n')
            {
                var text = Encoding.ASCII.GetString([.. line]);
                return text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Trim() : null;
            }

            line.Add(one[0]);
        }

        return null;
    }

    /// <summary>Compares secrets in constant time.</summary>
    public static bool Matches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
