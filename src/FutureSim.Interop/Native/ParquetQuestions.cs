using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using Parquet.Serialization;

namespace FutureSim.Interop.Native;

/// <summary>
/// Reads a Parquet question file (as FutureSim's pandas tooling writes it) into JSON Lines, one object per row with
/// the file's column names, so that the question loader applies FutureSim's column aliases and checks to it.
/// Dates and timestamps become ISO 8601 text; lists become JSON arrays.
/// </summary>
internal static class ParquetQuestions
{
    public static bool IsParquet(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    /// <summary>Writes the rows of <paramref name="parquet"/> as JSON Lines to <paramref name="jsonLines"/> (row n on line n).</summary>
    public static async Task ConvertAsync(string parquet, string jsonLines, CancellationToken cancellationToken)
    {
        IList<Dictionary<string, object>> rows;
        try
        {
            await using var stream = File.OpenRead(parquet);
            rows = (await ParquetSerializer.DeserializeUntypedAsync(stream, cancellationToken: cancellationToken)).Data;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidInputException(new RecordError(parquet, 0, $"is not a readable Parquet file: {e.Message}"), null, e);
        }

        await using var output = new StreamWriter(jsonLines, append: false, new UTF8Encoding(false));
        foreach (var row in rows)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var (name, value) in row)
                {
                    json.WritePropertyName(name);
                    Write(json, value);
                }

                json.WriteEndObject();
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken);
        }
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case DateTime time:
                json.WriteStringValue(time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset instant:
                json.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                json.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case IConvertible number when value is not char:
                json.WriteNumberValue(number.ToDecimal(CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
