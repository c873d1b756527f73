using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Agents.Llm;

/// <summary>
/// Builds agents of kind <c>llm</c>: a chat model behind an OpenAI-compatible endpoint, driving the
/// tools by function calling. Settings (keys of the agent's configuration entry) are validated when
/// the agent is built: <c>Endpoint</c>, <c>Model</c>, <c>ApiKeyVariable</c>, sampling, per-day limits,
/// <c>ContextBudgetTokens</c>, <c>SystemPrompt</c>/<c>SystemPromptFile</c>, <c>RequestTimeout</c>,
/// <c>MaxRetries</c>, prices. Each agent writes into its <see cref="AgentEnvironment.AgentDirectory"/>
/// the recording of its model calls (<see cref="RecordingFileName"/>), its usage
/// (<see cref="ModelUsageFile.FileName"/>) and its conversation snapshots. When the environment names a
/// run to replay, the agent answers from that run's recording at
/// <see cref="RecordingPath"/> with no network access and needs no API key. Thread-safe; dispose it
/// after the run to release its HTTP connections.
/// </summary>
public sealed class LlmAgentFactory : IAgentFactory, IDisposable
{
    public const string KindName = "llm";

    /// <summary>The recording of an agent's model calls, in its agent folder.</summary>
    public const string RecordingFileName = RunFolderLayout.ModelCalls;

    private readonly Func<string, string?> environment;
    private readonly ILoggerFactory loggerFactory;
    private readonly Lazy<HttpClient> http;

    /// <summary>A factory reading API keys from the process environment.</summary>
    public LlmAgentFactory(ILoggerFactory? loggerFactory = null)
        : this(Environment.GetEnvironmentVariable, loggerFactory)
    {
    }

    internal LlmAgentFactory(Func<string, string?> environment, ILoggerFactory? loggerFactory = null, HttpMessageHandler? handler = null)
    {
        this.environment = environment;
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        http = new Lazy<HttpClient>(() => OpenAiEndpoint.CreateHttpClient(handler), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyCollection<string> Kinds { get; } = [KindName];

    /// <summary>The endpoint's sampling seed (<c>Seed</c>): a sweep's seeds are given to it.</summary>
    public string? SeedSetting(string kind) => string.Equals(kind, KindName, StringComparison.OrdinalIgnoreCase) ? "Seed" : null;

    /// <summary>Told the name and duration of every tool call the agents run (benchmarks).</summary>
    public Action<string, TimeSpan>? ToolCallObserver { get; init; }

    /// <summary>Where the recording of agent <paramref name="agentName"/> of the run in <paramref name="runDirectory"/> lives: <c>&lt;run&gt;/agents/&lt;agent&gt;/model-calls.jsonl</c>.</summary>
    public static string RecordingPath(string runDirectory, string agentName) => ModelCallStack.RecordingPath(runDirectory, agentName);

    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.Equals(spec.Kind, KindName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Agent '{spec.Name}' is of kind '{spec.Kind}'; this factory builds kind '{KindName}'.", nameof(spec));
        }

        var settings = LlmAgentSettings.Parse(spec);
        var stack = ModelCallStack.Create(
            spec.Name, KindName, settings.Connection, settings.MaxWallTimePerDay, settings.PriceInputPerMTok, settings.PriceOutputPerMTok,
            environment, http.Value, this.environment, loggerFactory);
        return new LlmAgent(spec.Name, settings, stack, environment.AgentDirectory, loggerFactory.CreateLogger<LlmAgent>(), ToolCallObserver);
    }

    /// <summary>Checks an agent's settings without building it; throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate(AgentSpec spec) => LlmAgentSettings.Parse(spec);

    /// <summary>Checks the settings, and that the API key variable is set or, for a replay, that the recording exists.</summary>
    public void Validate(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = LlmAgentSettings.Parse(spec);
        ModelCallStack.CheckSource(spec.Name, KindName, settings.Connection, environment, this.environment);
    }

    public void Dispose()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }
    }
}
