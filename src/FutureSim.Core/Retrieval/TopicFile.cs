using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// Topic files: JSON Lines, one <c>{"id": "…", "query": "…", "as_of": "…"}</c> per line; <c>as_of</c> is an
/// ISO-8601 instant (UTC when no offset is given) or a date, meaning the end of that day (UTC). Ids are unique.
/// </summary>
public static class TopicFile
{
    private const string Advice = "Each line must be a JSON object like {\"id\": \"q1\", \"query\": \"words\", \"as_of\": \"2025-05-01\"}.";

    /// <exception cref="InvalidInputException">The file is missing or a line is malformed (file and line are named).</exception>
    public static IReadOnlyList<RetrievalTopic> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "no such file"), Advice);
        }

        var topics = new List<RetrievalTopic>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            InvalidInputException Error(string problem) => new(new RecordError(path, line.Number, problem), Advice);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line.Utf8);
            }
            catch (JsonException e)
            {
                throw Error($"malformed JSON at byte {e.BytePositionInLine}");
            }

            using (document)
            {
                var root = document.RootElement;
                string Text(string name) =>
                    root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
                        ? value.GetString()!
                        : throw Error($"missing required non-empty string field '{name}'");
                var id = Text("id");
                var asOf = ParseInstant(Text("as_of")) ?? throw Error($"field 'as_of' is not an ISO-8601 date or instant: '{Text("as_of")}'");
                if (!ids.Add(id))
                {
                    throw Error($"topic id '{id}' appears twice");
                }

                topics.Add(new RetrievalTopic(id, Text("query"), asOf));
            }
        }

        return topics;
    }

    /// <summary>Writes topics one per line, <c>as_of</c> as a date when it is the end of that day, else in UTC to the second.</summary>
    public static void Write(string path, IEnumerable<RetrievalTopic> topics)
    {
        using var output = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        foreach (var topic in topics)
        {
            output.Write(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = topic.Id,
                ["query"] = topic.Query,
                ["as_of"] = topic.AsOf == SimulatedTime.EndOf(SimulatedTime.DayOf(topic.AsOf))
                    ? SimulatedTime.DayOf(topic.AsOf).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : topic.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }));
            output.Write('\n');
        }
    }

    /// <summary>A date (the end of that day, UTC) or an ISO-8601 instant (UTC when no offset is given); null otherwise.</summary>
    public static DateTimeOffset? ParseInstant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return SimulatedTime.EndOf(day);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }
}
