using System.Collections.Immutable;
using FutureSim.Core.Runs;
using Microsoft.Extensions.Configuration;

namespace FutureSim.Cli.Configuration;

/// <summary>
/// The configured agents: the <c>Agents</c> arrays of appsettings.json and of every <c>--config</c> file,
/// concatenated (configuration arrays would otherwise merge entry by entry); a later entry with the same
/// name replaces an earlier one. Each entry needs <c>Name</c> and <c>Kind</c>; its other keys become the
/// agent's settings.
/// </summary>
internal static class ConfiguredAgents
{
    public const string SectionName = "Agents";

    public static ImmutableArray<ConfiguredAgent> Read(IEnumerable<ConfigurationFile> sources)
    {
        var specs = new List<ConfiguredAgent>();
        foreach (var (file, source) in sources)
        {
            foreach (var entry in source.GetSection(SectionName).GetChildren())
            {
                var name = entry["Name"];
                var kind = entry["Kind"];
                if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(kind))
                {
                    throw new OptionsException($"{file}: Agents:{entry.Key} needs a Name and a Kind (e.g. {{ \"Name\": \"uniform\", \"Kind\": \"uniform\" }}).");
                }

                if (!AgentFolders.IsValidName(name))
                {
                    throw new OptionsException($"{file}: Agents:{entry.Key}:Name '{name}' cannot be an agent name (it names the agent's folder): {AgentFolders.NameRule}.");
                }

                var settings = entry.AsEnumerable(makePathsRelative: true)
                    .Where(kv => kv.Value is not null && kv.Key is not "Name" and not "Kind")
                    .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
                specs.RemoveAll(s => s.Spec.Name == name);
                specs.Add(new ConfiguredAgent(new AgentSpec { Name = name, Kind = kind, Settings = settings }, file));
            }
        }

        return [.. specs];
    }

    /// <summary>The agents named by <c>--agents</c> (in that order), or all of them.</summary>
    public static ImmutableArray<ConfiguredAgent> Select(ImmutableArray<ConfiguredAgent> all, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return all;
        }

        var unknown = names.Where(n => all.All(a => a.Spec.Name != n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new OptionsException(
                $"--agents names unknown agents: {string.Join(", ", unknown)}. Configured agents: {string.Join(", ", all.Select(a => a.Spec.Name))}.");
        }

        return [.. names.Distinct().Select(n => all.Single(a => a.Spec.Name == n))];
    }
}
