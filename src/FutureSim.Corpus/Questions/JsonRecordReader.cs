using System.Text.Json;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Questions;

/// <summary>Reads question records from JSON Lines (streamed, one object per line) or from one JSON array of objects.</summary>
internal static class JsonRecordReader
{
    /// <summary>Each non-blank line as a record; a line that is not valid JSON is a bad record at that line.</summary>
    public static IEnumerable<SourceRecord> ReadLines(string path)
    {
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            JsonElement fields = default;
            var problem = Utf8Text.Problem(line.Utf8.Span);
            try
            {
                if (problem is null)
                {
                    using var document = JsonDocument.Parse(line.Utf8);
                    fields = document.RootElement.Clone();
                }
            }
            catch (JsonException e)
            {
                problem = $"malformed JSON: {FirstSentence(e.Message)}";
            }

            yield return problem is null ? new SourceRecord(line.Number, fields, null) : SourceRecord.Bad(line.Number, problem);
        }
    }

    /// <summary>
    /// Each element of a top-level JSON array, at the line where the element starts. A document that is not
    /// valid JSON cannot be read past the fault, so it fails the whole file, at the faulty line, whatever the
    /// invalid-record handling.
    /// </summary>
    public static IEnumerable<SourceRecord> ReadArray(string path)
    {
        byte[] bytes;
        using (var stream = JsonLinesFile.OpenRead(path))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var records = new List<SourceRecord>();
        var offset = Utf8Bom(bytes);
        if (Utf8Text.FirstInvalidByte(bytes.AsSpan(offset)) is var invalid and >= 0)
        {
            var at = offset + invalid;
            throw new InvalidInputException(
                new RecordError(path, bytes.AsSpan(0, at).Count((byte)'\n') + 1, $"the file is not valid UTF-8 text (byte {at + 1}, 0x{bytes[at]:X2}; is it Latin-1?)"),
                "Save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8): records cannot be skipped inside a JSON document.");
        }

        var reader = new Utf8JsonReader(bytes.AsSpan(offset));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidInputException(new RecordError(path, 1, "expected a JSON array of question objects"), "Fix the file, or save it as JSON Lines.");
            }

            long line = 1;
            var counted = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = offset + (int)reader.TokenStartIndex;
                line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                var element = JsonElement.ParseValue(ref reader);
                records.Add(element.ValueKind == JsonValueKind.Object
                    ? new SourceRecord(line, element, null)
                    : SourceRecord.Bad(line, "array element is not a JSON object"));
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new InvalidInputException(new RecordError(path, line, "the JSON array is not closed properly"), "Fix the file.");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(
                new RecordError(path, (e.LineNumber ?? 0) + 1, $"malformed JSON: {FirstSentence(e.Message)}"),
                "Fix the file: records cannot be skipped inside a broken JSON document (JSON Lines can be).",
                e);
        }

        return records;
    }

    private static int Utf8Bom(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
