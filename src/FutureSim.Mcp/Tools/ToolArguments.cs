using System.Globalization;
using System.Text.Json;

namespace FutureSim.Mcp.Tools;

/// <summary>
/// Reads the JSON arguments of one tool call leniently (models send numbers as strings and objects as JSON
/// text) but never guesses: anything that is not the expected shape yields an error message naming the
/// argument, and the call is answered with that message instead of reaching the tools.
/// </summary>
internal sealed class ToolArguments(IDictionary<string, JsonElement>? raw)
{
    private static readonly StringComparer Names = StringComparer.Ordinal;

    /// <summary>A text argument; numbers are taken as their literal text. Null when absent and optional.</summary>
    public string? Text(string name, bool required, ref string? error)
    {
        if (error is not null)
        {
            return null;
        }

        switch (Find(name))
        {
            case null:
                if (required)
                {
                    error = $"the argument '{name}' is required.";
                }

                return null;
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString();
            case { ValueKind: JsonValueKind.Number } number:
                return number.GetRawText();
            default:
                error = $"the argument '{name}' must be a string.";
                return null;
        }
    }

    /// <summary>An integer argument (a whole number or its text); <paramref name="fallback"/> when absent.</summary>
    public int Integer(string name, int fallback, ref string? error)
    {
        if (error is not null)
        {
            return fallback;
        }

        var value = Find(name);
        if (value is null)
        {
            return fallback;
        }

        var number = value.Value.ValueKind switch
        {
            JsonValueKind.Number when value.Value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => double.NaN,
        };
        if (!double.IsFinite(number) || number != Math.Floor(number))
        {
            error = $"the argument '{name}' must be a whole number.";
            return fallback;
        }

        // Out-of-range counts are clamped (and reported) by the tools, so saturate rather than overflow.
        return (int)Math.Clamp(number, int.MinValue, int.MaxValue);
    }

    /// <summary>An object of answer → probability; also accepted as the JSON text of such an object.</summary>
    public Dictionary<string, double>? Outcomes(string name, ref string? error)
    {
        if (error is not null)
        {
            return null;
        }

        var value = Find(name);
        if (value is { ValueKind: JsonValueKind.String } text && TryParseObject(text.GetString(), out var parsed))
        {
            value = parsed;
        }

        if (value is not { ValueKind: JsonValueKind.Object } outcomes)
        {
            error = value is null
                ? $"the argument '{name}' is required: an object of answer -> probability, e.g. {{\"Yes\": 0.7}}."
                : $"the argument '{name}' must be an object of answer -> probability, e.g. {{\"Yes\": 0.7}}.";
            return null;
        }

        var result = new Dictionary<string, double>(Names);
        foreach (var outcome in outcomes.EnumerateObject())
        {
            var probability = outcome.Value.ValueKind switch
            {
                JsonValueKind.Number when outcome.Value.TryGetDouble(out var d) => d,
                JsonValueKind.String when double.TryParse(outcome.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => double.NaN,
            };
            if (double.IsNaN(probability))
            {
                error = $"the probability of '{outcome.Name}' must be a number between 0 and 1.";
                return null;
            }

            if (!result.TryAdd(outcome.Name, probability))
            {
                error = $"the outcome '{outcome.Name}' is named more than once.";
                return null;
            }
        }

        return result;
    }

    private JsonElement? Find(string name) =>
        raw is not null && raw.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    private static bool TryParseObject(string? text, out JsonElement parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{')
        {
            return false;
        }

        try
        {
            parsed = JsonSerializer.Deserialize<JsonElement>(text);
            return parsed.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
