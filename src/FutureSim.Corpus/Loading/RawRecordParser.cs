using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Loading;

/// <summary>Reads one JSON object into a <see cref="RawRecord"/> with <see cref="Utf8JsonReader"/>; unknown fields are skipped.</summary>
internal static class RawRecordParser
{
    /// <exception cref="InvalidRecordException">The line is not UTF-8 text, not one JSON object, or a known field has the wrong type.</exception>
    public static void Parse(ReadOnlySpan<byte> utf8, RawRecord record)
    {
        record.Clear();
        if (Utf8Text.Problem(utf8) is { } notText)
        {
            throw new InvalidRecordException(notText);
        }
        try
        {
            var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidRecordException("the line is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadProperty(ref reader, record);
            }

            if (reader.Read())
            {
                throw new InvalidRecordException("unexpected text after the JSON object");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidRecordException($"malformed JSON at byte {e.BytePositionInLine}: {FirstSentence(e.Message)}");
        }
    }

    private static void ReadProperty(ref Utf8JsonReader reader, RawRecord r)
    {
        if (reader.ValueTextEquals("id"u8)) { r.Id = ReadString(ref reader, "id"); }
        else if (reader.ValueTextEquals("date"u8)) { r.Date = ReadString(ref reader, "date"); }
        else if (reader.ValueTextEquals("first_seen_utc"u8)) { r.FirstSeenUtc = ReadString(ref reader, "first_seen_utc"); r.HasFirstSeenUtc = true; }
        else if (reader.ValueTextEquals("category"u8)) { r.Category = ReadString(ref reader, "category"); }
        else if (reader.ValueTextEquals("topics"u8)) { ReadStrings(ref reader, "topics", r.Topics); }
        else if (reader.ValueTextEquals("title"u8)) { r.Title = ReadString(ref reader, "title"); }
        else if (reader.ValueTextEquals("text"u8)) { r.Text = ReadString(ref reader, "text"); }
        else if (reader.ValueTextEquals("text_when_first_seen"u8)) { r.TextWhenFirstSeen = ReadString(ref reader, "text_when_first_seen"); }
        else if (reader.ValueTextEquals("sources"u8)) { ReadSources(ref reader, r.Sources); }
        else if (reader.ValueTextEquals("source_names"u8)) { ReadStrings(ref reader, "source_names", r.SourceNames); r.HasSourceNames = true; }
        else if (reader.ValueTextEquals("page_url"u8)) { r.PageUrl = ReadString(ref reader, "page_url"); }
        else if (reader.ValueTextEquals("source"u8)) { r.Source = ReadString(ref reader, "source"); }
        else if (reader.ValueTextEquals("content"u8)) { r.Content = ReadString(ref reader, "content"); }
        else if (reader.ValueTextEquals("date_publish"u8)) { r.DatePublish = ReadString(ref reader, "date_publish"); }
        else if (reader.ValueTextEquals("url"u8)) { r.Url = ReadString(ref reader, "url"); }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new InvalidRecordException($"field '{field}' must be a string, not {Describe(reader.TokenType)}"),
        };
    }

    private static void ReadStrings(ref Utf8JsonReader reader, string field, List<string> into)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidRecordException($"field '{field}' must be a list of strings, not {Describe(reader.TokenType)}");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new InvalidRecordException($"field '{field}' must be a list of strings, but holds {Describe(reader.TokenType)}");
            }

            into.Add(reader.GetString()!);
        }
    }

    private static void ReadSources(ref Utf8JsonReader reader, List<ArticleReference> into)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidRecordException($"field 'sources' must be a list of {{name, url}} objects, not {Describe(reader.TokenType)}");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidRecordException($"field 'sources' must be a list of {{name, url}} objects, but holds {Describe(reader.TokenType)}");
            }

            string? name = null;
            string? url = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8)) { name = ReadString(ref reader, "sources.name"); }
                else if (reader.ValueTextEquals("url"u8)) { url = ReadString(ref reader, "sources.url"); }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (name is null && url is null)
            {
                throw new InvalidRecordException("an entry of 'sources' has neither a name nor a url");
            }

            into.Add(new ArticleReference(name ?? url!, url));
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
