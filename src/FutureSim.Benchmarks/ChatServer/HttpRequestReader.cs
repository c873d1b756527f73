using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>Reads HTTP/1.1 requests off a connection, one after another.</summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    public async Task<(string Method, string Path, ImmutableDictionary<string, string> Headers, string Body)?> ReadAsync(CancellationToken token)
    {
        var requestLine = await LineAsync(token);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await LineAsync(token); !string.IsNullOrEmpty(line); line = await LineAsync(token))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        byte[] body;
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var chunks = new MemoryStream();
            while (true)
            {
                var size = int.Parse((await LineAsync(token) ?? "0").Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await LineAsync(token);
                    break;
                }

                chunks.Write(await BytesAsync(size, token));
                await LineAsync(token);
            }

            body = chunks.ToArray();
        }
        else
        {
            body = headers.TryGetValue("content-length", out var length) ? await BytesAsync(int.Parse(length, CultureInfo.InvariantCulture), token) : [];
        }

        return (parts[0], parts.Length > 1 ? parts[1] : "/", headers.ToImmutable(), Encoding.UTF8.GetString(body));
    }

    private async Task<string?> LineAsync(CancellationToken token)
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end && !await FillAsync(token))
            {
                return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
            }

            var b = buffer[start++];
            if (b == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(b);
        }
    }

    private async Task<byte[]> BytesAsync(int count, CancellationToken token)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (start == end && !await FillAsync(token))
            {
                throw new IOException("The connection closed inside a request body.");
            }

            var take = Math.Min(count - filled, end - start);
            Array.Copy(buffer, start, result, filled, take);
            start += take;
            filled += take;
        }

        return result;
    }

    private async Task<bool> FillAsync(CancellationToken token)
    {
        start = 0;
        end = await stream.ReadAsync(buffer, token);
        return end > 0;
    }
}
