using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace FutureSim.Mcp.Sandbox;

/// <summary>
/// What the host sends a prepared sandbox to start the agent's day: one JSON line on the sandbox's standard input,
/// <c>{"command": [...], "environment": {"NAME": "value", ...}, "directory": "/workspace"}</c>. Keys travel this way,
/// never on a command line that other processes could list.
/// </summary>
internal sealed record LaunchMessage(ImmutableArray<string> Command, ImmutableSortedDictionary<string, string> Environment, string Directory)
{
    public string ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("command");
            foreach (var argument in Command)
            {
                json.WriteStringValue(argument);
            }

            json.WriteEndArray();
            json.WriteStartObject("environment");
            foreach (var (name, value) in Environment)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteString("directory", Directory);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a line written by <see cref="ToJsonLine"/>; throws <see cref="FormatException"/> for anything else.</summary>
    public static LaunchMessage Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var command = root.GetProperty("command").EnumerateArray().Select(a => a.GetString() ?? "").ToImmutableArray();
            var environment = root.GetProperty("environment").EnumerateObject()
                .ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            var directory = root.GetProperty("directory").GetString() ?? "/";
            return command.IsEmpty ? throw new FormatException("The launch message names no command.") : new LaunchMessage(command, environment, directory);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("Not a launch message: " + e.Message, e);
        }
    }
}
