using System.Collections.Immutable;
using System.Globalization;

namespace FutureSim.Core.Configuration;

/// <summary>
/// The one reader of settings given as flattened configuration (string keys and values, keys case-insensitive,
/// arrays as <c>Key:0</c>, <c>Key:1</c> …): every agent kind's settings and the answer judge's. It collects every
/// problem instead of stopping at the first, so that one <see cref="ArgumentException"/> tells the user everything
/// to fix; unknown keys are problems too, because a misspelt limit would otherwise be silently ignored.
/// </summary>
public sealed class SettingsReader
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> read = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> problems = [];
    private readonly string owner;

    public SettingsReader(IEnumerable<KeyValuePair<string, string>> settings, string owner)
    {
        this.owner = owner;
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
    }

    /// <summary>The child names under <paramref name="key"/> of a flattened section or array (<c>Plugins:0:Type</c> gives <c>0</c>), in order.</summary>
    public IReadOnlyList<string> Children(string key) =>
        [.. values.Keys
            .Where(k => k.Length > key.Length + 1 && k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(key.Length + 1)..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(c => int.TryParse(c, out var index) ? index : int.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal)];

    /// <summary>Marks <paramref name="keys"/> as known without reading them (e.g. an entry's own Name and Kind).</summary>
    public void Ignore(params string[] keys) => read.UnionWith(keys);

    public bool Has(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value);

    public string? String(string key)
    {
        read.Add(key);
        return values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    public string RequiredString(string key, string example)
    {
        var value = String(key);
        if (value is null)
        {
            Problem($"'{key}' is required, e.g. \"{key}\": \"{example}\".");
        }

        return value ?? "";
    }

    public Uri? AbsoluteHttpUri(string key, string example)
    {
        var text = RequiredString(key, example);
        if (text.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Problem($"'{key}' must be an absolute http(s) URL such as \"{example}\"; got '{text}'.");
            return null;
        }

        return uri;
    }

    public double? Double(string key, double min, double max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem($"'{key}' must be a number from {Format(min)} to {Format(max)}; got '{text}'.");
        return null;
    }

    public long? Integer(string key, long min, long max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem($"'{key}' must be a whole number from {min} to {max}; got '{text}'.");
        return null;
    }

    /// <summary>A duration written as <c>hh:mm:ss[.fff]</c> (configuration's TimeSpan form), as a number with a unit (<c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>) or as a plain number of seconds.</summary>
    public TimeSpan? Duration(string key, TimeSpan min, TimeSpan max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (TryParseDuration(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem($"'{key}' must be a duration from {min:c} to {max:c}, written as hh:mm:ss, as seconds, or like 30s, 5m, 250ms; got '{text}'.");
        return null;
    }

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Problem($"'{key}' must be one of {string.Join(", ", choices.Keys)}; got '{text}'.");
        return null;
    }

    /// <summary>
    /// A list given as an array (<c>Key:0</c>, <c>Key:1</c> …) or as one value separated by commas, semicolons or
    /// spaces; distinct items in the order given; empty when absent.
    /// </summary>
    public ImmutableArray<string> List(string key) =>
        [.. Items(key).SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>A list given as an array, each item whole (a path with spaces stays one item), or as one value; distinct items in the order given.</summary>
    public ImmutableArray<string> Items(string key)
    {
        read.Add(key);
        var items = values
            .Where(v => v.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || v.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            .OrderBy(v => v.Key.Length).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v =>
            {
                read.Add(v.Key);
                return v.Value.Trim();
            })
            .Where(v => v.Length > 0);
        return [.. items.Distinct(StringComparer.Ordinal)];
    }

    public void Problem(string message) => problems.Add(message);

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, unknown keys included.</summary>
    public void ThrowIfInvalid(string? advice = null)
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        foreach (var key in unknown)
        {
            problems.Add($"'{key}' is not a setting of this kind. Known settings: {string.Join(", ", read.Order(StringComparer.Ordinal))}.");
        }

        if (problems.Count > 0)
        {
            var text = $"Invalid settings for {owner}:\n- {string.Join("\n- ", problems)}";
            throw new ArgumentException(advice is null ? text : text + "\n" + advice);
        }
    }

    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        (string Suffix, double Ticks)[] units = [("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour), ("", TimeSpan.TicksPerSecond)];
        foreach (var (suffix, ticks) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) && Math.Abs(number * ticks) < TimeSpan.MaxValue.Ticks)
            {
                value = TimeSpan.FromTicks((long)Math.Round(number * ticks));
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
