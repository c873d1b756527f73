using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Runs;

/// <summary>The run-folder format: its version and the one JSON configuration every reader and writer uses.</summary>
public static class RunFormat
{
    /// <summary>The version of manifest.json and event records this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Compact, snake_case, deterministic JSON (one record per line in JSONL files).</summary>
    public static JsonSerializerOptions Json { get; } = CreateOptions(indented: false);

    /// <summary>The same as <see cref="Json"/>, indented, for documents people read (manifest.json).</summary>
    public static JsonSerializerOptions IndentedJson { get; } = CreateOptions(indented: true);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectNullableAnnotations = true,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new QuestionIdJsonConverter());
        options.Converters.Add(new ArticleIdJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class QuestionIdJsonConverter : JsonConverter<QuestionId>
    {
        public override QuestionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("A question id must be a string."));

        public override void Write(Utf8JsonWriter writer, QuestionId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class ArticleIdJsonConverter : JsonConverter<ArticleId>
    {
        public override ArticleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("An article id must be a string."));

        public override void Write(Utf8JsonWriter writer, ArticleId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
