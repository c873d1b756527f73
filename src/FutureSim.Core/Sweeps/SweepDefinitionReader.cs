using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Input;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// Reads the <c>Sweep</c> section of a sweep file strictly: JSON with comments and trailing commas (as
/// configuration files), keys matched without regard to case, and every unknown key, wrong type or empty list
/// reported by its path (<c>Sweep:Grid:Windows:1:Start</c>) before anything runs. The file's other sections are
/// configuration layered over appsettings.json and read by the configuration system.
/// </summary>
public static class SweepDefinitionReader
{
    public const string SectionName = "Sweep";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static SweepDefinition Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "the sweep file does not exist."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(new RecordError(path, (e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}"));
        }

        using (document)
        {
            return new Reader(path).Definition(document.RootElement);
        }
    }

    private sealed class Reader(string path)
    {
        public SweepDefinition Definition(JsonElement root)
        {
            var section = Object(root, "", ["Sweep"]).GetValueOrDefault("Sweep");
            if (section.ValueKind == JsonValueKind.Undefined)
            {
                throw Error("", "has no Sweep section: add { \"Sweep\": { \"Name\": \"…\", \"Grid\": { … } } }");
            }

            var keys = Object(section, "Sweep", ["Name", "MaxConcurrentRuns", "Grid"]);
            var name = keys.TryGetValue("Name", out var n) ? Text(n, "Sweep:Name") : throw Error("Sweep:Name", "is missing: name the sweep");
            int? concurrency = keys.TryGetValue("MaxConcurrentRuns", out var c) ? Integer(c, "Sweep:MaxConcurrentRuns", 1, 1024) : null;
            if (!keys.TryGetValue("Grid", out var gridElement))
            {
                throw Error("Sweep:Grid", "is missing: list the agents, seeds, question sets, corpora or windows to sweep over");
            }

            var grid = Grid(gridElement);
            return grid.IsEmpty
                ? throw Error("Sweep:Grid", "is empty: give at least one of Agents, Seeds, QuestionSets, Corpus, Windows")
                : new SweepDefinition { Name = name, MaxConcurrentRuns = concurrency, Grid = grid };
        }

        private SweepGrid Grid(JsonElement element)
        {
            const string at = "Sweep:Grid";
            var keys = Object(element, at, ["Agents", "Seeds", "QuestionSets", "Corpus", "Windows"]);
            return new SweepGrid
            {
                Agents = Dimension(keys, at, "Agents", AgentGroup),
                Seeds = Dimension(keys, at, "Seeds", (e, p) => Long(e, p)),
                QuestionSets = Dimension(keys, at, "QuestionSets", QuestionChoice),
                Corpus = Dimension(keys, at, "Corpus", CorpusChoice),
                Windows = Dimension(keys, at, "Windows", Window),
            };
        }

        private ImmutableArray<T>? Dimension<T>(Dictionary<string, JsonElement> keys, string at, string key, Func<JsonElement, string, T> read)
        {
            if (!keys.TryGetValue(key, out var element))
            {
                return null;
            }

            var values = ListOf(element, $"{at}:{key}", read);
            return values.Length == 0
                ? throw Error($"{at}:{key}", "is an empty list: give at least one value, or leave the key out to keep the base configuration's")
                : values;
        }

        /// <summary><c>"uniform"</c>, <c>["base-rate", "crowd"]</c> or <c>{ "Label": "…", "Agents": [ … ] }</c>.</summary>
        private SweepAgentGroup AgentGroup(JsonElement element, string at)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return new SweepAgentGroup(null, [Text(element, at)]);
                case JsonValueKind.Array:
                    return new SweepAgentGroup(null, NonEmpty(ListOf(element, at, Text), at));
                default:
                    var keys = Object(element, at, ["Label", "Agents"]);
                    return new SweepAgentGroup(
                        OptionalString(keys, at, "Label"),
                        keys.TryGetValue("Agents", out var agents) ? NonEmpty(ListOf(agents, at + ":Agents", Text), at + ":Agents") : throw Error(at + ":Agents", "is missing"));
            }
        }

        /// <summary><c>"file"</c>, <c>["file", …]</c> or <c>{ "Label": "…", "Files": [ … ] }</c>.</summary>
        private SweepQuestionChoice QuestionChoice(JsonElement element, string at)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return new SweepQuestionChoice(null, [Text(element, at)]);
                case JsonValueKind.Array:
                    return new SweepQuestionChoice(null, NonEmpty(ListOf(element, at, Text), at));
                default:
                    var keys = Object(element, at, ["Label", "Files"]);
                    return new SweepQuestionChoice(
                        OptionalString(keys, at, "Label"),
                        keys.TryGetValue("Files", out var files) ? NonEmpty(ListOf(files, at + ":Files", Text), at + ":Files") : throw Error(at + ":Files", "is missing"));
            }
        }

        private SweepCorpusChoice CorpusChoice(JsonElement element, string at)
        {
            var keys = Object(element, at, ["Label", "Files", "Visibility", "Fingerprint"]);
            ImmutableArray<string>? files = keys.TryGetValue("Files", out var f) ? NonEmpty(ListOf(f, at + ":Files", Text), at + ":Files") : null;
            VisibilityPolicy? policy = null;
            if (keys.TryGetValue("Visibility", out var v))
            {
                policy = Enum.TryParse<VisibilityPolicy>(Text(v, at + ":Visibility"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw Error(at + ":Visibility", "must be Strict or Lenient");
            }

            var choice = new SweepCorpusChoice(OptionalString(keys, at, "Label"), files, policy, OptionalString(keys, at, "Fingerprint"));
            return choice.Files is null && choice.Visibility is null
                ? throw Error(at, "changes nothing: give Files, Visibility or both")
                : choice;
        }

        private SweepWindow Window(JsonElement element, string at)
        {
            var keys = Object(element, at, ["Label", "Start", "End", "LookbackDays", "StepDays"]);
            var start = keys.TryGetValue("Start", out var s) ? Date(s, at + ":Start") : throw Error(at + ":Start", "is missing (YYYY-MM-DD)");
            var end = keys.TryGetValue("End", out var e) ? Date(e, at + ":End") : throw Error(at + ":End", "is missing (YYYY-MM-DD)");
            if (end < start)
            {
                throw Error(at, $"ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }

            return new SweepWindow(
                OptionalString(keys, at, "Label"), start, end,
                keys.TryGetValue("LookbackDays", out var l) ? Integer(l, at + ":LookbackDays", 0, 3660) : null,
                keys.TryGetValue("StepDays", out var d) ? Integer(d, at + ":StepDays", 1, 366) : null);
        }

        private Dictionary<string, JsonElement> Object(JsonElement element, string at, IReadOnlyList<string> known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(at, "must be a JSON object");
            }

            var keys = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var key = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                if (key is null)
                {
                    // Only the Sweep section is ours to check at the top level; the rest is configuration.
                    if (at.Length == 0)
                    {
                        continue;
                    }

                    throw Error($"{at}:{property.Name}", $"is not a known key; known keys here: {string.Join(", ", known)}");
                }

                if (!keys.TryAdd(key, property.Value))
                {
                    throw Error($"{at}:{property.Name}", "is given twice");
                }
            }

            return keys;
        }

        private ImmutableArray<T> ListOf<T>(JsonElement element, string at, Func<JsonElement, string, T> read) =>
            element.ValueKind == JsonValueKind.Array
                ? [.. element.EnumerateArray().Select((item, i) => read(item, $"{at}:{i}"))]
                : throw Error(at, "must be a JSON array");

        private ImmutableArray<T> NonEmpty<T>(ImmutableArray<T> values, string at) =>
            values.Length > 0 ? values : throw Error(at, "is an empty list");

        private string Text(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : throw Error(at, "must be a non-empty string");

        private string? OptionalString(Dictionary<string, JsonElement> keys, string at, string key) =>
            keys.TryGetValue(key, out var element) ? Text(element, $"{at}:{key}") : null;

        private long Long(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : throw Error(at, "must be a whole number");

        private int Integer(JsonElement element, string at, int min, int max) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= min && value <= max
                ? value
                : throw Error(at, $"must be a whole number from {min} to {max}");

        private DateOnly Date(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(at, "must be a date, YYYY-MM-DD");

        private InvalidInputException Error(string at, string problem) =>
            new(new RecordError(path, 0, at.Length == 0 ? problem + "." : $"{at} {problem}."));
    }
}
