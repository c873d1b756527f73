using System.Globalization;
using System.Text.Json;

namespace FutureSim.Core.Tools;

/// <summary>
/// The JSON arguments of one tool call as a model sent them, read leniently (numbers given as strings are
/// accepted, an object sent as JSON text is unwrapped) but never guessed at: anything that does not fit
/// throws <see cref="ToolArgumentException"/> with a message the model can act on.
/// </summary>
internal sealed class ToolArguments(string tool, IReadOnlyDictionary<string, JsonElement>? arguments)
{
    public string RequiredString(string name)
    {
        var value = Element(name);
        return value?.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.Value.GetString()) => value.Value.GetString()!,
            JsonValueKind.Number => value.Value.GetRawText(),
            null => throw Problem($"'{name}' is required."),
            _ => throw Problem($"'{name}' must be a non-empty string; got {Show(value.Value)}."),
        };
    }

    public string? OptionalString(string name)
    {
        var value = Element(name);
        return value?.ValueKind switch
        {
            null => null,
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.Value.GetString()) ? null : value.Value.GetString(),
            _ => throw Problem($"'{name}' must be a string; got {Show(value.Value)}."),
        };
    }

    /// <summary>Text that may legitimately be empty (notes).</summary>
    public string RequiredText(string name)
    {
        var value = Element(name);
        return value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString() ?? "",
            null => throw Problem($"'{name}' is required."),
            _ => throw Problem($"'{name}' must be a string; got {Show(value.Value)}."),
        };
    }

    /// <summary>A whole number (or its text); out-of-range counts saturate, since the tools clamp and report them.</summary>
    public int OptionalInteger(string name, int defaultValue)
    {
        var value = Element(name);
        var number = value?.ValueKind switch
        {
            null => (double?)null,
            JsonValueKind.Number when value.Value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => double.NaN,
        };
        if (number is null)
        {
            return defaultValue;
        }

        if (!double.IsFinite(number.Value) || number.Value != Math.Floor(number.Value))
        {
            throw Problem($"'{name}' must be a whole number; got {Show(value!.Value)}.");
        }

        return (int)Math.Clamp(number.Value, int.MinValue, int.MaxValue);
    }

    /// <summary>An object mapping outcome names to probabilities (also accepted as the JSON text of one).</summary>
    public IReadOnlyDictionary<string, double> Outcomes(string name)
    {
        var value = Element(name);
        if (value is { ValueKind: JsonValueKind.String } text && TryParseObject(text.GetString(), out var unwrapped))
        {
            value = unwrapped;
        }

        if (value is null)
        {
            throw Problem($"'{name}' is required: an object mapping each answer to its probability, e.g. {{\"Paris\": 0.6, \"Lyon\": 0.2}}.");
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            throw Problem($"'{name}' must be an object mapping each answer to its probability, e.g. {{\"Paris\": 0.6, \"Lyon\": 0.2}}; got {Show(value.Value)}.");
        }

        var outcomes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var outcome in value.Value.EnumerateObject())
        {
            var probability = outcome.Value.ValueKind switch
            {
                JsonValueKind.Number when outcome.Value.TryGetDouble(out var p) => p,
                JsonValueKind.String when double.TryParse(outcome.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
                _ => throw Problem($"the probability of '{outcome.Name}' must be a number between 0 and 1; got {Show(outcome.Value)}."),
            };
            if (!outcomes.TryAdd(outcome.Name, probability))
            {
                throw Problem($"the outcome '{outcome.Name}' is named more than once.");
            }
        }

        return outcomes;
    }

    private JsonElement? Element(string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    private ToolArgumentException Problem(string message) => new($"invalid arguments for {tool}: {message}");

    private static bool TryParseObject(string? text, out JsonElement element)
    {
        element = default;
        if (text is null || !text.TrimStart().StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 80 ? raw : raw[..77] + "...";
    }
}
