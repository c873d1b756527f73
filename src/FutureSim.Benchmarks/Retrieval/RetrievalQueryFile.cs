using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Simulation;
using FutureSim.Corpus.Loading;

namespace FutureSim.Benchmarks.Retrieval;

/// <summary>
/// Benchmark query files: JSON Lines, one <c>{"query": "...", "as_of": "&lt;ISO-8601&gt;", "top": 10}</c>
/// per line. <c>as_of</c> is an instant (UTC when no offset is given) or a bare date, meaning the end
/// of that day UTC; <c>top</c> defaults to 10.
/// </summary>
public static class RetrievalQueryFile
{
    private const string Advice = "Each line must be a JSON object like {\"query\": \"words\", \"as_of\": \"2024-05-01T12:00:00Z\", \"top\": 10}.";

    /// <summary>Reads every query of the file, in order.</summary>
    /// <exception cref="InvalidInputException">The file is missing or a line is not such an object (file and line are named).</exception>
    public static IReadOnlyList<RetrievalQuery> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "no such file"), Advice);
        }

        var queries = new List<RetrievalQuery>();
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            queries.Add(Parse(line, path));
        }

        return queries;
    }

    /// <summary>Writes the queries one per line, <c>as_of</c> in UTC to the second (what <see cref="Read"/> reads back).</summary>
    public static void Write(string path, IEnumerable<RetrievalQuery> queries)
    {
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var buffer = new MemoryStream();
        foreach (var query in queries)
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                writer.WriteStartObject();
                writer.WriteString("query", query.Query);
                writer.WriteString("as_of", query.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteNumber("top", query.Top);
                writer.WriteEndObject();
            }

            output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            output.Write('\n');
        }
    }

    private static RetrievalQuery Parse(JsonLine line, string path)
    {
        RecordError Error(string problem) => new(path, line.Number, problem);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.Utf8);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(Error($"malformed JSON at byte {e.BytePositionInLine}"), Advice);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException(Error("the line is not a JSON object"), Advice);
            }

            if (!root.TryGetProperty("query", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new InvalidInputException(Error("missing required string field 'query'"), Advice);
            }

            if (!root.TryGetProperty("as_of", out var asOfElement) || asOfElement.ValueKind != JsonValueKind.String)
            {
                throw new InvalidInputException(Error("missing required string field 'as_of'"), Advice);
            }

            var asOfText = asOfElement.GetString()!;
            DateTimeOffset asOf;
            if (IsoTime.TryParseDay(asOfText, out var day))
            {
                asOf = SimulatedTime.EndOf(day);
            }
            else if (!IsoTime.TryParseInstant(asOfText, out asOf))
            {
                throw new InvalidInputException(Error($"field 'as_of' is not an ISO-8601 date or instant: '{asOfText}'"), Advice);
            }

            var top = 10;
            if (root.TryGetProperty("top", out var topElement) && (!topElement.TryGetInt32(out top) || top < 1))
            {
                throw new InvalidInputException(Error("field 'top' must be a whole number of at least 1"), Advice);
            }

            return new RetrievalQuery(text.GetString()!, asOf, top);
        }
    }
}
