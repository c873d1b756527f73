using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Sweeps;
using Microsoft.Extensions.Configuration;

namespace FutureSim.Cli.Configuration;

/// <summary>
/// Reads <c>appsettings.json</c> and the <c>--config</c> files, checks every key and layers them. A key no section
/// knows, a misspelled section, a list given as a single value (or the reverse) and a file that is not JSON are
/// errors naming the file and the key. Later files win key by key, except that a list given in a later file replaces
/// the earlier list whole (it is never merged by position). <c>Agents</c> entries are collected from every file by
/// <see cref="ConfiguredAgents"/>, and each agent's own settings are checked by its kind. Environment variables
/// (<c>FUTURESIM_Section__Key</c>) are checked the same way (see <see cref="CheckEnvironment"/>).
/// </summary>
internal static class ConfigurationFiles
{
    /// <summary>The keys of the <c>Judge</c> section, as <c>LlmJudgeMatcher.Create</c> and <see cref="Running.AnswerMatching"/> read them.</summary>
    private static readonly ImmutableArray<string> JudgeKeys =
        ["Endpoint", "Model", "ApiKeyVariable", "CacheFile", "RequestTimeout", "MaxRetries", "RetryBaseDelay", "MaxRetryDelay", "MaxOutputTokens"];

    private static readonly ImmutableSortedDictionary<string, Section> Sections = new Dictionary<string, Section>
    {
        [CorpusOptions.SectionName] = Section.Of(typeof(CorpusOptions)),
        [SearchOptions.SectionName] = Section.Of(typeof(SearchOptions)),
        [SimulationOptions.SectionName] = Section.Of(typeof(SimulationOptions)),
        [ClusterOptions.SectionName] = Section.Of(typeof(ClusterOptions)),
        [Running.AnswerMatching.SectionName] = new Section(JudgeKeys.ToImmutableDictionary(k => k, _ => new Key(IsList: false, Group: null), StringComparer.OrdinalIgnoreCase), FreeForm: false),
        [ConfiguredAgents.SectionName] = Section.Any,
        [SweepDefinitionReader.SectionName] = Section.Any, // a sweep file's grid, only there: its own reader checks every key
        ["Serilog"] = Section.Any,
    }.ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The checked files, in order, and the configuration they make together.</summary>
    /// <param name="paths">The files, later ones winning.</param>
    /// <param name="sweepFile">The one of them that is a sweep file, the only file that may hold a <c>Sweep</c> section.</param>
    public static (IReadOnlyList<ConfigurationFile> Files, IReadOnlyDictionary<string, string?> Merged) Read(IEnumerable<string> paths, string? sweepFile = null)
    {
        var files = new List<ConfigurationFile>();
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            var (values, lists) = Flatten(path, isSweepFile: path == sweepFile);
            foreach (var list in lists)
            {
                foreach (var key in merged.Keys.Where(k => k.Equals(list, StringComparison.OrdinalIgnoreCase) || k.StartsWith(list + ":", StringComparison.OrdinalIgnoreCase)).ToArray())
                {
                    merged.Remove(key);
                }
            }

            foreach (var (key, value) in values)
            {
                merged[key] = value;
            }

            files.Add(new ConfigurationFile(path, new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
        }

        return (files, merged);
    }

    /// <summary>
    /// Checks the keys that <c>FUTURESIM_Section__Key</c> environment variables set. Variables without <c>__</c>
    /// (<c>FUTURESIM_ROOT</c>, or an API key variable someone named <c>FUTURESIM_OPENAI_KEY</c>) are not read as keys.
    /// </summary>
    public static void CheckEnvironment(string prefix, IEnumerable<string> variables)
    {
        foreach (var variable in variables.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && v.Contains("__", StringComparison.Ordinal)))
        {
            var parts = variable[prefix.Length..].Split("__");
            if (UnknownSection(parts[0]) is { } unknown)
            {
                throw new OptionsException($"Environment variable {variable}: {unknown}");
            }

            if (IsSweepSection(parts[0]))
            {
                throw new OptionsException($"Environment variable {variable}: {OnlyInSweepFiles}");
            }

            var (name, schema) = (parts[0], Sections[parts[0]]);
            foreach (var part in parts.Skip(1))
            {
                if (schema.FreeForm || int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    break;
                }

                if (Problem(name, schema, part) is { } problem)
                {
                    throw new OptionsException($"Environment variable {variable}: {problem}");
                }

                if (schema.Keys[part].Group is not { } group)
                {
                    break;
                }

                (name, schema) = ($"{name}:{part}", group);
            }
        }
    }

    private static (Dictionary<string, string?> Values, List<string> Lists) Flatten(string path, bool isSweepFile)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new OptionsException($"{path}: not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(". ")[0]}. Fix the file.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OptionsException($"{path}: the file must hold one JSON object, e.g. {{ \"Simulation\": {{ \"End\": \"2025-03-01\" }} }}.");
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var lists = new List<string>();
            foreach (var section in document.RootElement.EnumerateObject())
            {
                Check(path, section, isSweepFile);
                Add(section.Name, section.Value, values, lists);
            }

            return (values, lists);
        }
    }

    /// <summary>Checks a top-level section: known, an object (Agents: a list of objects), with known keys of the right shape.</summary>
    private static void Check(string path, JsonProperty section, bool isSweepFile)
    {
        if (UnknownSection(section.Name) is { } unknown)
        {
            throw new OptionsException($"{path}: {unknown}");
        }

        if (!isSweepFile && IsSweepSection(section.Name))
        {
            throw new OptionsException($"{path}: {OnlyInSweepFiles}");
        }

        var schema = Sections[section.Name];
        if (section.Name.Equals(ConfiguredAgents.SectionName, StringComparison.OrdinalIgnoreCase))
        {
            if (section.Value.ValueKind != JsonValueKind.Array || section.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            {
                throw new OptionsException($"{path}: Agents must be a list of agent entries, e.g. [ {{ \"Name\": \"uniform\", \"Kind\": \"uniform\" }} ].");
            }

            return;
        }

        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            throw new OptionsException($"{path}: {section.Name} must be an object of settings, e.g. {{ \"{section.Name}\": {{ ... }} }}.");
        }

        CheckGroup(path, section.Name, section.Value, schema);
    }

    /// <summary>Checks the keys of a section or of a group inside one (<c>Search:Embeddings</c>): known, and of the right shape.</summary>
    private static void CheckGroup(string path, string name, JsonElement group, Section schema)
    {
        if (schema.FreeForm)
        {
            return;
        }

        foreach (var setting in group.EnumerateObject())
        {
            var key = $"{name}:{setting.Name}";
            if (Problem(name, schema, setting.Name) is { } problem)
            {
                throw new OptionsException($"{path}: {problem}");
            }

            var (isList, inner) = schema.Keys[setting.Name];
            if (isList && setting.Value.ValueKind != JsonValueKind.Array)
            {
                throw new OptionsException($"{path}: {key} must be a list, e.g. \"{setting.Name}\": [ \"first\", \"second\" ].");
            }

            if (inner is not null)
            {
                if (setting.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new OptionsException($"{path}: {key} must be a group of settings, e.g. \"{setting.Name}\": {{ ... }}.");
                }

                CheckGroup(path, key, setting.Value, inner);
            }
            else if (!isList && setting.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                throw new OptionsException($"{path}: {key} must be a single value, not a {(setting.Value.ValueKind == JsonValueKind.Array ? "list" : "group")}.");
            }
        }
    }

    private const string OnlyInSweepFiles =
        $"the {SweepDefinitionReader.SectionName} section belongs in a sweep file (futuresim sweep <file>), not in configuration: move it there or remove it.";

    private static bool IsSweepSection(string section) => section.Equals(SweepDefinitionReader.SectionName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="section"/> is not a known configuration section, or null when it is.</summary>
    private static string? UnknownSection(string section) =>
        Sections.ContainsKey(section) ? null : $"unknown section '{section}'. The sections are {string.Join(", ", Sections.Keys)}.";

    /// <summary>Why <paramref name="key"/> is not a key of <paramref name="name"/> (a section or a group in one), or null when it is.</summary>
    private static string? Problem(string name, Section schema, string key) =>
        schema.FreeForm || schema.Keys.ContainsKey(key)
            ? null
            : $"unknown key '{name}:{key}'. The keys of {name} are {string.Join(", ", schema.Keys.Keys.Order(StringComparer.Ordinal))}.";

    private static void Add(string key, JsonElement value, Dictionary<string, string?> values, List<string> lists)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var child in value.EnumerateObject())
                {
                    Add($"{key}:{child.Name}", child.Value, values, lists);
                }

                break;
            case JsonValueKind.Array:
                lists.Add(key);
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"{key}:{index++}"), item, values, lists);
                }

                break;
            case JsonValueKind.String:
                values[key] = value.GetString();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                values[key] = value.ValueKind == JsonValueKind.True ? "true" : "false";
                break;
            case JsonValueKind.Null:
                values[key] = null;
                break;
            default:
                values[key] = value.GetRawText();
                break;
        }
    }

    /// <summary>The keys of a section or group, or, when <see cref="FreeForm"/>, any keys (checked elsewhere).</summary>
    private sealed record Section(ImmutableDictionary<string, Key> Keys, bool FreeForm)
    {
        public static Section Any { get; } = new(ImmutableDictionary<string, Key>.Empty, FreeForm: true);

        /// <summary>The keys an options class binds: its settable properties; a property of a class type of ours is a group with keys of its own.</summary>
        public static Section Of(Type options) => new(
            options.GetProperties()
                .Where(p => p.CanWrite)
                .ToImmutableDictionary(p => p.Name, p => KeyOf(p.PropertyType), StringComparer.OrdinalIgnoreCase),
            FreeForm: false);

        private static Key KeyOf(Type type) =>
            type == typeof(string) ? new Key(IsList: false, Group: null)
            : type.IsAssignableTo(typeof(System.Collections.IEnumerable)) ? new Key(IsList: true, Group: null)
            : type.IsClass && type.Namespace == typeof(Section).Namespace ? new Key(IsList: false, Group: Of(type))
            : new Key(IsList: false, Group: null);
    }

    /// <summary>One key: a list, a group of keys (<see cref="Group"/>), or a single value.</summary>
    private sealed record Key(bool IsList, Section? Group);
}
