using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Typed, case-insensitive access to the fields of one record. A field that is absent, null or blank
/// counts as missing. Where several names are accepted for one field (column aliases) the first name
/// that holds a value wins. Bad values raise a <see cref="RecordProblemException"/>.
/// </summary>
internal sealed partial class RecordFields
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.OrdinalIgnoreCase);

    public RecordFields(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new RecordProblemException($"expected a JSON object, found {Describe(record.ValueKind)}");
        }

        foreach (var property in record.EnumerateObject())
        {
            if (!IsMissing(property.Value))
            {
                _values.TryAdd(property.Name, property.Value);
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The first of <paramref name="names"/> that holds a value, with the name it was found under.</summary>
    public bool TryGet(ReadOnlySpan<string> names, out string foundName, out JsonElement value)
    {
        foreach (var name in names)
        {
            if (_values.TryGetValue(name, out value))
            {
                foundName = name;
                return true;
            }
        }

        foundName = "";
        value = default;
        return false;
    }

    /// <summary>Text of a string, number or boolean field, trimmed; null when missing.</summary>
    public string? Text(params ReadOnlySpan<string> names) =>
        TryGet(names, out var name, out var value) ? AsText(name, value) : null;

    public string RequiredText(params ReadOnlySpan<string> names) => Text(names) ?? throw Missing(names);

    /// <summary>A calendar date: <c>YYYY-MM-DD</c>, or the UTC date of an ISO 8601 date-time.</summary>
    public DateOnly RequiredDate(params ReadOnlySpan<string> names)
    {
        if (!TryGet(names, out var name, out var value))
        {
            throw Missing(names);
        }

        var text = AsText(name, value);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : SimulatedTime.DayOf(ParseDateTime(name, text));
    }

    /// <summary>An instant: an ISO 8601 date-time (UTC when no offset is given), or a date meaning the start of that day (UTC); null when missing.</summary>
    public DateTimeOffset? Instant(params ReadOnlySpan<string> names)
    {
        if (!TryGet(names, out var name, out var value))
        {
            return null;
        }

        var text = AsText(name, value);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? SimulatedTime.StartOf(date)
            : ParseDateTime(name, text);
    }

    public DateTimeOffset RequiredInstant(params ReadOnlySpan<string> names) => Instant(names) ?? throw Missing(names);

    /// <summary>A number given as a JSON number or as numeric text; null when missing.</summary>
    public double? Number(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        var text = AsText(name, value);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new RecordProblemException($"field '{name}' is not a number: '{Shorten(text)}'");
    }

    /// <summary>A list of strings: a JSON array, or text parsed by <see cref="TextList.Parse"/>; empty when missing.</summary>
    public ImmutableArray<string> List(params ReadOnlySpan<string> names)
    {
        if (!TryGet(names, out var name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return TextList.Parse(name, AsText(name, value));
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (IsMissing(item))
            {
                continue;
            }

            if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                throw new RecordProblemException($"field '{name}' must be a list of strings, found an item that is {Describe(item.ValueKind)}");
            }

            items.Add(AsText(name, item));
        }

        return items.ToImmutable();
    }

    public static RecordProblemException Missing(ReadOnlySpan<string> names) =>
        new(names.Length == 1
            ? $"missing required field '{names[0]}'"
            : $"missing required field '{names[0]}' (also accepted: {string.Join(", ", names[1..].ToArray())})");

    private static string AsText(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new RecordProblemException($"field '{name}' must be text, found {Describe(value.ValueKind)}"),
    };

    private static DateTimeOffset ParseDateTime(string name, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && IsoDateTimeStart().IsMatch(text)
            ? instant
            : throw new RecordProblemException($"field '{name}' is not a date: '{Shorten(text)}' (expected YYYY-MM-DD or an ISO 8601 date-time)");

    private static bool IsMissing(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTimeStart();

    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
