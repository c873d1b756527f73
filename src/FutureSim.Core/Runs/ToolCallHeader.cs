using System.Globalization;
using System.Text.Json;

namespace FutureSim.Core.Runs;

/// <summary>
/// The fields of a <c>tool_call</c> event line that scoring checks (version, day, agent), read without
/// materialising the rest: tool calls are most of an event log's bytes and scoring does not use them.
/// </summary>
internal readonly record struct ToolCallHeader(int Version, DateOnly Day, string Agent)
{
    /// <summary>True when the line is a well-formed <c>tool_call</c> event with those fields; otherwise the caller parses it fully (and reports what is wrong).</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out ToolCallHeader header)
    {
        header = default;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? type = null, agent = null, day = null;
            int? version = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read())
                {
                    return false;
                }

                if (name.SequenceEqual("type"u8) && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                    if (type != "tool_call")
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("v"u8) && reader.TokenType == JsonTokenType.Number)
                {
                    version = reader.GetInt32();
                }
                else if (name.SequenceEqual("day"u8) && reader.TokenType == JsonTokenType.String)
                {
                    day = reader.GetString();
                }
                else if (name.SequenceEqual("agent"u8) && reader.TokenType == JsonTokenType.String)
                {
                    agent = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()
                || type is null || version is null || agent is null
                || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return false;
            }

            header = new ToolCallHeader(version.Value, parsed, agent);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
