using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FutureSim.Mcp.Tests;

/// <summary>Calls a tool and returns its text, as a model would read it.</summary>
internal static class McpClientCalls
{
    public static async Task<(string Text, bool IsError)> CallAsync(this McpClient client, string tool, object? arguments = null)
    {
        var dictionary = arguments switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> given => given,
            _ => arguments.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(arguments)),
        };
        var result = await client.CallToolAsync(tool, dictionary, cancellationToken: CancellationToken.None);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        return (text, result.IsError == true);
    }

    public static async Task<string> TextAsync(this McpClient client, string tool, object? arguments = null) =>
        (await client.CallAsync(tool, arguments)).Text;
}
