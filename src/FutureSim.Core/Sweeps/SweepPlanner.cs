using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// Expands a sweep's grid into runs with stable ids. Runs come in grid order: agent groups, then windows,
/// question sets, corpora and seeds. A run id is the sweep name followed, for each dimension the grid gives,
/// by <c>.</c> and the value's label: <c>dec.uniform.20251201-20251210.s2</c>. Labels default to the agent
/// names joined by <c>_</c>, <c>yyyyMMdd-yyyyMMdd</c>, the question files' names without extensions, the
/// corpus files' names and policy, and <c>s</c> and the seed; characters other than letters, digits, <c>-</c>
/// and <c>_</c> become <c>-</c>. Seeds multiply only the runs that have an agent taking a seed (the kind names
/// the setting, e.g. <c>Seed</c> of <c>llm</c>); a run of deterministic agents (the baselines) is made once,
/// without a seed in its id. Ids must be unique and at most 100 characters.
/// </summary>
public static class SweepPlanner
{
    public const int MaxRunIdLength = 100;

    /// <summary>The plan, and notes worth telling the user (e.g. seeds that no agent of a run uses).</summary>
    /// <exception cref="InvalidInputException">A name, label or agent that cannot be used, or two runs with the same id; <paramref name="source"/> names the file.</exception>
    public static (SweepPlan Plan, ImmutableArray<string> Notes) Plan(SweepDefinition sweep, SweepBase configuration, string source)
    {
        InvalidInputException Error(string problem) => new(new RecordError(source, 0, problem));

        if (!IsLabel(sweep.Name))
        {
            throw Error($"Sweep:Name '{sweep.Name}' is not usable as a folder name: use letters, digits, '-' and '_'.");
        }

        var grid = sweep.Grid;
        var notes = ImmutableArray.CreateBuilder<string>();
        var groups = grid.Agents?.Select((g, i) => (Part(g.Label, string.Join('_', g.Names), $"Sweep:Grid:Agents:{i}:Label", Error), Agents(g, i, configuration, Error)))
            ?? [(null, configuration.Agents)];
        var windows = grid.Windows?.Select((w, i) => (Part(w.Label, $"{w.Start:yyyyMMdd}-{w.End:yyyyMMdd}", $"Sweep:Grid:Windows:{i}:Label", Error), Window(w, configuration.Simulation)))
            ?? [(null, configuration.Simulation)];
        var questions = grid.QuestionSets?.Select((q, i) => (Part(q.Label, string.Join('_', q.Files.Select(Stem)), $"Sweep:Grid:QuestionSets:{i}:Label", Error), q.Files))
            ?? [(null, configuration.QuestionSets)];
        var corpora = grid.Corpus?.Select((c, i) => (Part(c.Label, CorpusLabel(c), $"Sweep:Grid:Corpus:{i}:Label", Error), c))
            ?? [(null, new SweepCorpusChoice(null, null, null, null))];

        var runs = new List<SweepRun>();
        var deterministic = 0;
        foreach (var (groupLabel, agents) in groups)
        {
            var seeded = agents.Where(a => configuration.SeedSetting(a.Kind) is not null).ToArray();
            IEnumerable<long?> seeds = grid.Seeds is { } given && seeded.Length > 0 ? given.Select(s => (long?)s) : [null];
            if (grid.Seeds is not null && seeded.Length == 0)
            {
                deterministic++;
            }

            foreach (var (windowLabel, simulation) in windows)
            {
                foreach (var (questionLabel, files) in questions)
                {
                    foreach (var (corpusLabel, corpus) in corpora)
                    {
                        foreach (var seed in seeds)
                        {
                            string?[] parts = [groupLabel, windowLabel, questionLabel, corpusLabel, seed is { } s ? "s" + s.ToString(CultureInfo.InvariantCulture) : null];
                            runs.Add(new SweepRun
                            {
                                RunId = string.Join('.', parts.Where(p => p is not null).Prepend(sweep.Name)),
                                Simulation = simulation,
                                Agents = seed is { } value ? [.. agents.Select(a => Seeded(a, configuration.SeedSetting(a.Kind), value))] : agents,
                                QuestionSets = files,
                                CorpusFiles = corpus.Files ?? configuration.CorpusFiles,
                                Visibility = corpus.Visibility ?? configuration.Visibility,
                                CorpusFingerprint = corpus.Fingerprint,
                                Seed = seed,
                            });
                        }
                    }
                }
            }
        }

        if (deterministic > 0)
        {
            notes.Add($"{deterministic} agent group(s) have no agent that takes a seed (baselines are deterministic): each of their runs is made once, not once per seed.");
        }

        var duplicate = runs.GroupBy(r => r.RunId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Error($"two runs of the grid would have the id '{duplicate.Key}': give the grid values distinct Labels (or remove the repeated value).");
        }

        if (runs.FirstOrDefault(r => r.RunId.Length > MaxRunIdLength) is { } longest)
        {
            throw Error($"run id '{longest.RunId}' is longer than {MaxRunIdLength} characters: give the grid values shorter Labels.");
        }

        return (new SweepPlan { Name = sweep.Name, Runs = [.. runs] }, notes.ToImmutable());
    }

    private static ImmutableArray<AgentSpec> Agents(SweepAgentGroup group, int index, SweepBase configuration, Func<string, InvalidInputException> error)
    {
        var agents = ImmutableArray.CreateBuilder<AgentSpec>();
        foreach (var name in group.Names)
        {
            var spec = configuration.Agents.FirstOrDefault(a => a.Name == name)
                ?? throw error($"Sweep:Grid:Agents:{index} names agent '{name}', which is not configured. Configured agents: {string.Join(", ", configuration.Agents.Select(a => a.Name))}.");
            if (agents.Any(a => a.Name == name))
            {
                throw error($"Sweep:Grid:Agents:{index} names agent '{name}' twice.");
            }

            agents.Add(spec);
        }

        return agents.ToImmutable();
    }

    private static SimulationSettings Window(SweepWindow window, SimulationSettings simulation) => simulation with
    {
        Start = window.Start,
        End = window.End,
        LookbackDays = window.LookbackDays ?? simulation.LookbackDays,
        StepDays = window.StepDays ?? simulation.StepDays,
    };

    private static AgentSpec Seeded(AgentSpec agent, string? setting, long seed) =>
        setting is null ? agent : agent with { Settings = agent.Settings.SetItem(setting, seed.ToString(CultureInfo.InvariantCulture)) };

    private static string CorpusLabel(SweepCorpusChoice corpus)
    {
        var policy = corpus.Visibility?.ToString().ToLowerInvariant();
        var files = corpus.Files is { } f ? string.Join('_', f.Select(Stem)) : null;
        return string.Join('_', new[] { files, policy }.Where(p => p is not null));
    }

    /// <summary>An explicit label, checked, or the derived one with unusable characters replaced.</summary>
    private static string Part(string? label, string derived, string key, Func<string, InvalidInputException> error)
    {
        if (label is not null)
        {
            return IsLabel(label) ? label : throw error($"{key} '{label}' may hold only letters, digits, '-' and '_'.");
        }

        var text = new StringBuilder(derived.Length);
        foreach (var c in derived)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return text.ToString();
    }

    private static bool IsLabel(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A file's name without its directory and its <c>.gz</c>, <c>.jsonl</c> or <c>.json</c> extensions.</summary>
    private static string Stem(string file)
    {
        var name = Path.GetFileName(file.TrimEnd('/', '\\'));
        foreach (var extension in new[] { ".gz", ".jsonl", ".json" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        return name;
    }
}
