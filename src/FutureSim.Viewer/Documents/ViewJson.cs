using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FutureSim.Viewer.Documents;

/// <summary>The JSON of the viewer's documents: compact, snake_case, non-finite numbers written as null.</summary>
internal static class ViewJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize(object document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <summary>A finite number, else null (JSON has no NaN).</summary>
    public static double? Number(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;

    public static double? Number(double? value) => value is { } v ? Number(v) : null;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, // pages treat a missing value as null; the report stays small
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
