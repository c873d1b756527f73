using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Indexing;

/// <summary>The stored form of an article in the index: compact JSON, written and read without reflection.</summary>
internal sealed class ArticleJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter writer;

    public ArticleJson()
    {
        writer = new Utf8JsonWriter(buffer, WriterOptions);
    }

    /// <summary>The JSON of <paramref name="article"/>, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(Article article)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("id"u8, article.Id.Value);
        writer.WriteNumber("visible"u8, article.VisibleAt.UtcTicks);
        if (article.PublishedOn is { } published)
        {
            writer.WriteNumber("published"u8, published.DayNumber);
        }

        writer.WriteString("source"u8, article.Source);
        writer.WriteString("title"u8, article.Title);
        writer.WriteString("body"u8, article.Body);
        WriteOptional("url"u8, article.Url);
        WriteOptional("category"u8, article.Category);
        if (article.Topics.Length > 0)
        {
            writer.WriteStartArray("topics"u8);
            foreach (var topic in article.Topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
        }

        if (article.References.Length > 0)
        {
            writer.WriteStartArray("refs"u8);
            foreach (var reference in article.References)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(reference.Name);
                writer.WriteStringValue(reference.Url);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenMemory;
    }

    public static Article Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        string? id = null, source = null, title = null, body = null, url = null, category = null;
        long visible = 0;
        DateOnly? published = null;
        var topics = ImmutableArray<string>.Empty;
        var references = ImmutableArray<ArticleReference>.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { id = NextString(ref reader); }
            else if (reader.ValueTextEquals("visible"u8)) { reader.Read(); visible = reader.GetInt64(); }
            else if (reader.ValueTextEquals("published"u8)) { reader.Read(); published = DateOnly.FromDayNumber(reader.GetInt32()); }
            else if (reader.ValueTextEquals("source"u8)) { source = NextString(ref reader); }
            else if (reader.ValueTextEquals("title"u8)) { title = NextString(ref reader); }
            else if (reader.ValueTextEquals("body"u8)) { body = NextString(ref reader); }
            else if (reader.ValueTextEquals("url"u8)) { url = NextString(ref reader); }
            else if (reader.ValueTextEquals("category"u8)) { category = NextString(ref reader); }
            else if (reader.ValueTextEquals("topics"u8)) { topics = ReadTopics(ref reader); }
            else if (reader.ValueTextEquals("refs"u8)) { references = ReadReferences(ref reader); }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Article
        {
            Id = new ArticleId(id ?? throw new InvalidDataException("stored article has no id")),
            VisibleAt = new DateTimeOffset(visible, TimeSpan.Zero),
            PublishedOn = published,
            Source = source ?? "",
            Title = title ?? "",
            Body = body ?? "",
            Url = url,
            Category = category,
            Topics = topics,
            References = references,
        };
    }

    private void WriteOptional(ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? NextString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString();
    }

    private static ImmutableArray<string> ReadTopics(ref Utf8JsonReader reader)
    {
        reader.Read();
        var topics = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            topics.Add(reader.GetString()!);
        }

        return topics.DrainToImmutable();
    }

    private static ImmutableArray<ArticleReference> ReadReferences(ref Utf8JsonReader reader)
    {
        reader.Read();
        var references = ImmutableArray.CreateBuilder<ArticleReference>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var name = NextString(ref reader)!;
            var url = NextString(ref reader);
            reader.Read();
            references.Add(new ArticleReference(name, url));
        }

        return references.DrainToImmutable();
    }
}
