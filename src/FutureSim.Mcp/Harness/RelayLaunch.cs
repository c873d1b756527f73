using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// How an agent's harness starts its MCP server: the relay command line (<c>futuresim mcp-relay --port P --secret-file F</c>)
/// and the same as an <c>.mcp.json</c>-style file (<c>{"mcpServers": {"futuresim": {"command": …, "args": […]}}}</c>),
/// which Claude Code reads with <c>--mcp-config</c>.
/// </summary>
internal static class RelayLaunch
{
    public static ImmutableArray<string> Command(ImmutableArray<string> relayExecutable, int port, string secretPath)
    {
        var executable = relayExecutable.IsDefaultOrEmpty ? ThisExecutable() : relayExecutable;
        return [.. executable, McpRelay.VerbName, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--secret-file", secretPath];
    }

    public static void WriteConfig(string path, ImmutableArray<string> command)
    {
        var server = new JsonObject
        {
            ["type"] = "stdio",
            ["command"] = command[0],
            ["args"] = new JsonArray([.. command[1..].Select(a => (JsonNode?)JsonValue.Create(a))]),
        };
        var config = new JsonObject { ["mcpServers"] = new JsonObject { [Tools.McpToolCatalog.ServerName] = server } };
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public static void WriteSecret(string path, string secret)
    {
        File.WriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The running <c>futuresim</c>: the apphost itself, or <c>dotnet futuresim.dll</c> when started through the muxer.</summary>
    private static ImmutableArray<string> ThisExecutable()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown; set the agent's \"RelayCommand\".");
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && Assembly.GetEntryAssembly() is { } entry
            ? [process, entry.Location]
            : [process];
    }
}
