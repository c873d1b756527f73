using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Interop.Questions;

namespace FutureSim.Interop.Traces;

/// <summary>
/// Reads one daily session shard of the published traces (<c>runs/&lt;agent&gt;/&lt;run_id&gt;/&lt;day&gt;.json</c>):
/// the events' ids and sessions, the forecast tools' calls and every tool result, and hands every printed
/// text to a <see cref="QuestionFacts"/> collector. A shard that does not have the published shape is an
/// <see cref="InvalidInputException"/> naming the file and the event.
/// </summary>
internal static class TraceShardReader
{
    private const string SubmitName = "submit_forecasts";
    private const string NextDayName = "next_day";

    /// <summary>Markers of result texts the replay reads; other results are kept without text.</summary>
    private static readonly string[] RelevantMarkers =
        ["Prediction recorded", "Day advanced to", "Error", "Expecting value", "exceeds maximum", "persisted-output", "Day complete"];

    public static List<TraceItem> Read(string file, QuestionFacts facts)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException e)
        {
            throw new InvalidInputException(new RecordError(file, 0, $"cannot be read: {e.Message}"), null, e);
        }

        return Parse(file, bytes, facts);
    }

    /// <summary>Reads a shard already loaded as <paramref name="bytes"/>; <paramref name="file"/> names it in errors.</summary>
    public static List<TraceItem> Parse(string file, byte[] bytes, QuestionFacts facts)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(
                new RecordError(file, (e.LineNumber ?? -1) + 1, $"is not valid JSON: {e.Message}"),
                "Restore the shard from the published repository, or pass --skip-invalid to import without it.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(file, null, "the shard has no \"events\" array");
            }

            var label = ReadDay(file, root, "sim_date", null);
            var items = new List<TraceItem>();
            var position = 0;
            foreach (var e in events.EnumerateArray())
            {
                position++;
                ReadEvent(file, position, e, label, items, facts);
            }

            return items;
        }
    }

    private static void ReadEvent(string file, int position, JsonElement e, DateOnly shardLabel, List<TraceItem> items, QuestionFacts facts)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("idx", out var idxElement) || !idxElement.TryGetInt64(out var idx))
        {
            throw Malformed(file, position, "the event has no integer \"idx\"");
        }

        var label = e.TryGetProperty("sim_date", out _) ? ReadDay(file, e, "sim_date", position) : shardLabel;
        var session = e.TryGetProperty("session", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } id ? id : null;
        items.Add(new TraceItem { Idx = idx, Order = 0, Label = label, Kind = TraceItemKind.Event, Session = session });
        if (!e.TryGetProperty("blocks", out var blocks))
        {
            return;
        }

        if (blocks.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(file, position, "\"blocks\" is not an array");
        }

        var order = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            order++;
            if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw Malformed(file, position, $"block {order} has no \"type\"");
            }

            switch (type.GetString())
            {
                case "tool_use":
                    var call = ReadCall(file, position, block, idx, order, label, session);
                    if (call is not null)
                    {
                        items.Add(call);
                    }

                    break;
                case "tool_result":
                    var callId = String(block, "tool_use_id") ?? throw Malformed(file, position, $"tool_result block {order} has no \"tool_use_id\"");
                    var text = block.TryGetProperty("content", out var content) ? ResultText(content) : "";
                    facts.Scan(text);
                    items.Add(new TraceItem
                    {
                        Idx = idx, Order = order, Label = label, Kind = TraceItemKind.Result, Session = session, Id = callId,
                        Text = Relevant(text) ? text : "",
                    });
                    break;
            }
        }
    }

    private static TraceItem? ReadCall(string file, int position, JsonElement block, long idx, int order, DateOnly label, string? session)
    {
        var id = String(block, "id");
        var name = String(block, "name");
        if (id is null || name is null)
        {
            throw Malformed(file, position, $"tool_use block {order} has no \"id\" or \"name\"");
        }

        if (block.TryGetProperty("input", out var launch) && launch.ValueKind == JsonValueKind.Object
            && launch.TryGetProperty("run_in_background", out var background) && background.ValueKind == JsonValueKind.True)
        {
            return new TraceItem { Idx = idx, Order = order, Label = label, Kind = TraceItemKind.BackgroundLaunch, Session = session, Id = id };
        }

        ForecastTool? tool = name.EndsWith(SubmitName, StringComparison.Ordinal) ? ForecastTool.SubmitForecasts
            : name.EndsWith(NextDayName, StringComparison.Ordinal) ? ForecastTool.NextDay
            : null;
        if (tool is null)
        {
            return null;
        }

        var item = new TraceItem { Idx = idx, Order = order, Label = label, Kind = TraceItemKind.Call, Session = session, Id = id, Tool = tool };
        if (tool != ForecastTool.SubmitForecasts)
        {
            return item;
        }

        if (!block.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            return item with { ArgumentProblem = "no input object" };
        }

        var question = input.TryGetProperty("question_id", out var q)
            ? q.ValueKind switch { JsonValueKind.String => q.GetString(), JsonValueKind.Number => q.GetRawText(), _ => null }
            : null;
        if (!input.TryGetProperty("outcomes", out var outcomes) || outcomes.ValueKind != JsonValueKind.Object)
        {
            return item with { QuestionId = question, ArgumentProblem = "outcomes is not an object" };
        }

        var list = ImmutableArray.CreateBuilder<KeyValuePair<string, double>>();
        foreach (var outcome in outcomes.EnumerateObject())
        {
            if (outcome.Value.ValueKind != JsonValueKind.Number)
            {
                return item with { QuestionId = question, ArgumentProblem = $"the probability of '{outcome.Name}' is not a number" };
            }

            list.Add(new(outcome.Name, outcome.Value.GetDouble()));
        }

        return item with { QuestionId = question, Outcomes = list.ToImmutable() };
    }

    /// <summary>
    /// The text of a tool result: Claude Code wraps it as <c>{"result": …}</c>, Codex as
    /// <c>{"content": [{"text": …}], "structured_content": …}</c>; content may also be a list of text parts.
    /// </summary>
    public static string ResultText(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                var text = content.GetString() ?? "";
                if (text.StartsWith('{') && text.EndsWith('}'))
                {
                    try
                    {
                        using var inner = JsonDocument.Parse(text);
                        var unwrapped = Unwrap(inner.RootElement);
                        if (unwrapped is not null)
                        {
                            return unwrapped;
                        }
                    }
                    catch (JsonException)
                    {
                        // Not an envelope: the text itself is the result.
                    }
                }

                return text;
            case JsonValueKind.Object:
                return Unwrap(content) ?? content.GetRawText();
            case JsonValueKind.Array:
                return Parts(content);
            default:
                return "";
        }
    }

    private static string? Unwrap(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (envelope.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String)
        {
            return result.GetString();
        }

        return envelope.TryGetProperty("content", out var parts) && parts.ValueKind == JsonValueKind.Array ? Parts(parts) : null;
    }

    private static string Parts(JsonElement parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                builder.Append(t.GetString());
            }
            else if (part.ValueKind == JsonValueKind.String)
            {
                builder.Append(part.GetString());
            }
        }

        return builder.ToString();
    }

    private static bool Relevant(string text)
    {
        foreach (var marker in RelevantMarkers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly ReadDay(string file, JsonElement element, string name, int? position) =>
        String(element, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Malformed(file, position, $"\"{name}\" is not a YYYY-MM-DD date");

    private static InvalidInputException Malformed(string file, int? position, string problem) =>
        new(new RecordError(file, 0, position is { } p ? $"event {p}: {problem}." : $"{problem}."),
            "Restore the shard from the published repository, or pass --skip-invalid to import without it.");
}
