using FutureSim.Agents.Assemblies;
using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Builds agents of kinds <c>semantic-kernel</c> (a <see cref="Kernel"/> with the OpenAI chat connector, automatic
/// function calling, the <c>futuresim</c> plugin, extra plugins from assemblies and a prompt template) and
/// <c>agent-framework</c> (a <see cref="ChatClientAgent"/> whose session carries across days), configured like
/// <c>llm</c> agents. Both talk to the model through the same decorators as <c>llm</c> agents
/// (<see cref="ModelCallStack"/>), under the framework's own function-invocation loop: every model call is
/// recorded in <c>model-calls.jsonl</c>, replayed with no network, retried, and counted in <c>usage.csv</c>.
/// Thread-safe; dispose it after the run to release its HTTP connections.
/// </summary>
public sealed class FrameworkAgentFactory : IAgentFactory, IDisposable
{
    public const string SemanticKernelKind = "semantic-kernel";
    public const string AgentFrameworkKind = "agent-framework";

    private readonly Func<string, string?> variables;
    private readonly ILoggerFactory loggerFactory;
    private readonly Lazy<HttpClient> http;

    /// <summary>A factory reading API keys from the process environment.</summary>
    public FrameworkAgentFactory(ILoggerFactory? loggerFactory = null)
        : this(Environment.GetEnvironmentVariable, loggerFactory)
    {
    }

    internal FrameworkAgentFactory(Func<string, string?> variables, ILoggerFactory? loggerFactory = null)
    {
        this.variables = variables;
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        http = new Lazy<HttpClient>(() => OpenAiEndpoint.CreateHttpClient(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyCollection<string> Kinds { get; } = [SemanticKernelKind, AgentFrameworkKind];

    /// <summary>The endpoint's sampling seed (<c>Seed</c>), as for <c>llm</c> agents: a sweep's seeds are given to it.</summary>
    public string? SeedSetting(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase) ? "Seed" : null;

    /// <summary>Told the name and duration of every tool call the agents run (benchmarks).</summary>
    public Action<string, TimeSpan>? ToolCallObserver { get; init; }

    public void Validate(AgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        FrameworkAgentSettings.Parse(spec, KindOf(spec));
    }

    /// <summary>Checks the settings, and that the API key variable is set or, for a replay, that the recording exists.</summary>
    public void Validate(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var kind = KindOf(spec);
        ModelCallStack.CheckSource(spec.Name, kind, FrameworkAgentSettings.Parse(spec, kind).Model.Connection, environment, variables);
    }

    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var kind = KindOf(spec);
        var settings = FrameworkAgentSettings.Parse(spec, kind);
        var model = settings.Model;
        var stack = ModelCallStack.Create(
            spec.Name, kind, model.Connection, model.MaxWallTimePerDay, model.PriceInputPerMTok, model.PriceOutputPerMTok,
            environment, http.Value, variables, loggerFactory);
        var day = new ToolDay(settings.Limits, stack.Usage.TokensOn);
        return kind == SemanticKernelKind
            ? new SemanticKernelAgent(
                spec.Name, Kernel(new ToolDayChatClient(stack.Client, day, new ToolNameMap(ForecastingFunctions.PluginName)), settings), Execution(model), model.SystemPrompt, settings.PromptTemplate, day, stack,
                loggerFactory.CreateLogger<SemanticKernelAgent>(), ToolCallObserver)
            : new AgentFrameworkAgent(
                spec.Name,
                new ChatClientAgent(new ToolDayChatClient(stack.Client, day), new ChatClientAgentOptions { Name = spec.Name, ChatOptions = ChatOptions(model) }, loggerFactory),
                day, stack, environment.AgentDirectory, loggerFactory.CreateLogger<AgentFrameworkAgent>(), ToolCallObserver);
    }

    public void Dispose()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }
    }

    private string KindOf(AgentSpec spec) =>
        Kinds.FirstOrDefault(k => string.Equals(k, spec.Kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Agent '{spec.Name}' is of kind '{spec.Kind}'; this factory builds kinds {string.Join(" and ", Kinds)}.", nameof(spec));

    /// <summary>A kernel whose chat completion service is the OpenAI chat client under our decorators, with Semantic Kernel's function invocation (filters included) on top.</summary>
    private Kernel Kernel(IChatClient client, FrameworkAgentSettings settings)
    {
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(client.AsBuilder().UseKernelFunctionInvocation(loggerFactory).Build().AsChatCompletionService());
        var kernel = builder.Build();
        foreach (var plugin in settings.Plugins)
        {
            var type = UserTypes.Load(plugin.AssemblyPath, plugin.TypeName, $"plugin {plugin.TypeName}");
            kernel.Plugins.Add(KernelPluginFactory.CreateFromType(type, plugin.Name, kernel.Services));
        }

        return kernel;
    }

    private static OpenAIPromptExecutionSettings Execution(LlmAgentSettings model) => new()
    {
        ModelId = model.Connection.Model,
        Temperature = model.Temperature,
        TopP = model.TopP,
        Seed = model.Seed,
        FrequencyPenalty = model.FrequencyPenalty,
        PresencePenalty = model.PresencePenalty,
        MaxTokens = model.MaxOutputTokens,
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
    };

    private static ChatOptions ChatOptions(LlmAgentSettings model)
    {
        var options = model.ChatOptions([]);
        options.Tools = null;
        options.Instructions = model.SystemPrompt;
        return options;
    }
}
