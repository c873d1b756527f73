using System.Collections.Frozen;
using FutureSim.Core.Configuration;
using FutureSim.Core.Runs;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm;

/// <summary>
/// The validated settings of one <c>llm</c> agent, read from its <see cref="AgentSpec.Settings"/>
/// (the keys of its entry in the configuration's <c>Agents</c> array). Limits are per simulated day;
/// 0 switches a limit off.
/// </summary>
internal sealed record LlmAgentSettings
{
    public required ModelEndpointSettings Connection { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public long? Seed { get; init; }

    public double? FrequencyPenalty { get; init; }

    public double? PresencePenalty { get; init; }

    public int? MaxOutputTokens { get; init; }

    public ReasoningEffort? ReasoningEffort { get; init; }

    /// <summary>Tool calls the agent may make in one day; the day ends when they are used up.</summary>
    public int MaxToolCallsPerDay { get; init; } = 100;

    /// <summary>Model calls the agent may make in one day.</summary>
    public int MaxModelCallsPerDay { get; init; } = 50;

    /// <summary>Input plus output tokens the agent may use in one day; 0 for no limit.</summary>
    public long MaxTokensPerDay { get; init; } = 2_000_000;

    /// <summary>Wall time the agent may spend in one day; 0 for no limit. Keep it below the run's agent day timeout.</summary>
    public TimeSpan MaxWallTimePerDay { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>The conversation is compacted when its estimated size passes this many tokens.</summary>
    public int ContextBudgetTokens { get; init; } = 100_000;

    /// <summary>The rendered system prompt.</summary>
    public required string SystemPrompt { get; init; }

    /// <summary>US dollars per million input tokens.</summary>
    public double PriceInputPerMTok { get; init; }

    /// <summary>US dollars per million output tokens.</summary>
    public double PriceOutputPerMTok { get; init; }

    private static readonly FrozenDictionary<string, ReasoningEffort> Efforts = new Dictionary<string, ReasoningEffort>
    {
        ["none"] = Microsoft.Extensions.AI.ReasoningEffort.None,
        ["low"] = Microsoft.Extensions.AI.ReasoningEffort.Low,
        ["medium"] = Microsoft.Extensions.AI.ReasoningEffort.Medium,
        ["high"] = Microsoft.Extensions.AI.ReasoningEffort.High,
        ["extra_high"] = Microsoft.Extensions.AI.ReasoningEffort.ExtraHigh,
    }.ToFrozenDictionary();

    /// <summary>Validates <paramref name="spec"/>; throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public static LlmAgentSettings Parse(AgentSpec spec) => Parse(spec, LlmAgentFactory.KindName, null);

    /// <summary>
    /// Validates the settings every kind driven by a chat model shares; <paramref name="readMore"/> reads the
    /// settings of <paramref name="kind"/> beyond them, into the same list of problems.
    /// </summary>
    public static LlmAgentSettings Parse(AgentSpec spec, string kind, Action<SettingsReader>? readMore)
    {
        var owner = $"{kind} agent '{spec.Name}'";
        var reader = new SettingsReader(spec.Settings, owner);

        // The entry's own name and kind may be flattened into its settings; they are not settings.
        reader.String("Name");
        reader.String("Kind");
        var connection = ModelEndpointSettings.Read(reader);
        var defaults = new LlmAgentSettings { Connection = connection, SystemPrompt = "" };
        var toolCalls = reader.Integer("MaxToolCallsPerDay", 0, 100_000);
        var modelCalls = reader.Integer("MaxModelCallsPerDay", 0, 100_000);
        var tokens = reader.Integer("MaxTokensPerDay", 0, long.MaxValue);
        var wallTime = reader.Duration("MaxWallTimePerDay", TimeSpan.Zero, TimeSpan.FromDays(1));
        var budget = reader.Integer("ContextBudgetTokens", 1_000, 10_000_000);
        var template = reader.String("SystemPrompt");
        var templateFile = reader.String("SystemPromptFile");
        if (template is not null && templateFile is not null)
        {
            reader.Problem("Set either 'SystemPrompt' or 'SystemPromptFile', not both.");
        }
        else if (templateFile is not null)
        {
            template = ReadTextFile("SystemPromptFile", templateFile, reader);
        }

        var settings = defaults with
        {
            Temperature = reader.Double("Temperature", 0, 2),
            TopP = reader.Double("TopP", 0, 1),
            Seed = reader.Integer("Seed", long.MinValue, long.MaxValue),
            FrequencyPenalty = reader.Double("FrequencyPenalty", -2, 2),
            PresencePenalty = reader.Double("PresencePenalty", -2, 2),
            MaxOutputTokens = (int?)reader.Integer("MaxOutputTokens", 1, 1_000_000),
            ReasoningEffort = reader.Choice("ReasoningEffort", Efforts),
            MaxToolCallsPerDay = toolCalls is { } t ? (int)t : defaults.MaxToolCallsPerDay,
            MaxModelCallsPerDay = modelCalls is { } m ? (int)m : defaults.MaxModelCallsPerDay,
            MaxTokensPerDay = tokens ?? defaults.MaxTokensPerDay,
            MaxWallTimePerDay = wallTime ?? defaults.MaxWallTimePerDay,
            ContextBudgetTokens = budget is { } b ? (int)b : defaults.ContextBudgetTokens,
            PriceInputPerMTok = reader.Double("PriceInputPerMTok", 0, 1_000_000) ?? 0,
            PriceOutputPerMTok = reader.Double("PriceOutputPerMTok", 0, 1_000_000) ?? 0,
        };
        readMore?.Invoke(reader);
        reader.ThrowIfInvalid($"See the README section on {kind} agents for every setting and its default.");
        return settings with { SystemPrompt = AgentPrompt.Render(template ?? AgentPrompt.DefaultTemplate, spec.Name, settings) };
    }

    /// <summary>The sampling options sent with every model call.</summary>
    public ChatOptions ChatOptions(IList<AITool> tools) => new()
    {
        ModelId = Connection.Model,
        Temperature = (float?)Temperature,
        TopP = (float?)TopP,
        Seed = Seed,
        FrequencyPenalty = (float?)FrequencyPenalty,
        PresencePenalty = (float?)PresencePenalty,
        MaxOutputTokens = MaxOutputTokens,
        Reasoning = ReasoningEffort is { } effort ? new ReasoningOptions { Effort = effort } : null,
        ToolMode = ChatToolMode.Auto,
        Tools = tools,
    };

    /// <summary>The text of the file a setting names; a problem naming the setting when it cannot be read.</summary>
    internal static string? ReadTextFile(string key, string path, SettingsReader reader)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            reader.Problem($"'{key}' '{path}' cannot be read: {e.Message}");
            return null;
        }
    }
}
