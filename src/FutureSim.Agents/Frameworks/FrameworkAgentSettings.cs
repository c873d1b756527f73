using System.Collections.Immutable;
using FutureSim.Agents.Assemblies;
using FutureSim.Agents.Llm;
using FutureSim.Core.Configuration;
using FutureSim.Core.Runs;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// The validated settings of a <c>semantic-kernel</c> or <c>agent-framework</c> agent: every setting of an
/// <c>llm</c> agent (endpoint, model, sampling, limits, system prompt, retries, prices), and for Semantic Kernel
/// the day's prompt template (<c>PromptTemplate</c> or <c>PromptTemplateFile</c>, Semantic Kernel template
/// syntax with <c>{{$briefing}}</c>, <c>{{$today}}</c> and <c>{{$agent_name}}</c>) and extra plugins
/// (<c>Plugins</c>: an array of <c>{ "Assembly", "Type", "Name" }</c>).
/// </summary>
internal sealed record FrameworkAgentSettings
{
    public const string DefaultPromptTemplate = """
        {{$briefing}}
        Work on the open questions with the futuresim tools, then call next_day to end your day.
        """;

    public required LlmAgentSettings Model { get; init; }

    public string PromptTemplate { get; init; } = DefaultPromptTemplate;

    public ImmutableArray<PluginReference> Plugins { get; init; } = [];

    public DayLimits Limits => new(Model.MaxToolCallsPerDay, Model.MaxModelCallsPerDay, Model.MaxTokensPerDay);

    /// <summary>Validates <paramref name="spec"/> as an agent of <paramref name="kind"/>; throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public static FrameworkAgentSettings Parse(AgentSpec spec, string kind)
    {
        string? template = null;
        var plugins = ImmutableArray.CreateBuilder<PluginReference>();
        var model = LlmAgentSettings.Parse(spec, kind, reader =>
        {
            if (kind != FrameworkAgentFactory.SemanticKernelKind)
            {
                return;
            }

            template = reader.String("PromptTemplate");
            if (reader.String("PromptTemplateFile") is { } file)
            {
                template = template is null
                    ? LlmAgentSettings.ReadTextFile("PromptTemplateFile", file, reader)
                    : Problem(reader, "Set either 'PromptTemplate' or 'PromptTemplateFile', not both.");
            }

            foreach (var child in reader.Children("Plugins"))
            {
                var key = $"Plugins:{child}";
                var assembly = reader.RequiredString(key + ":Assembly", "plugins/MyPlugins.dll");
                var type = reader.RequiredString(key + ":Type", "MyCompany.Forecasting.WeatherPlugin");
                var name = reader.String(key + ":Name");
                if (assembly.Length == 0 || type.Length == 0)
                {
                    continue;
                }

                try
                {
                    UserTypes.Load(assembly, type, $"'{key}'");
                    plugins.Add(new PluginReference(assembly, type, name));
                }
                catch (ArgumentException e)
                {
                    reader.Problem(e.Message);
                }
            }
        });
        return new FrameworkAgentSettings { Model = model, PromptTemplate = template ?? DefaultPromptTemplate, Plugins = plugins.ToImmutable() };
    }

    private static string? Problem(SettingsReader reader, string message)
    {
        reader.Problem(message);
        return null;
    }
}
