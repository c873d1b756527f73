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
    public const string RecordingFileName = ModelCallLog.FileName;

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

    /// <summary>Told the name and duration of every tool call the agents run (benchmarks).</summary>
    internal Action<string, TimeSpan>? ToolCallObserver { get; init; }

    /// <summary>Where the recording of agent <paramref name="agentName"/> of the run in <paramref name="runDirectory"/> lives: <c>&lt;run&gt;/agents/&lt;agent&gt;/model-calls.jsonl</c>.</summary>
    public static string RecordingPath(string runDirectory, string agentName) =>
        Path.Combine(runDirectory, "agents", agentName, RecordingFileName);

    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.Equals(spec.Kind, KindName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Agent '{spec.Name}' is of kind '{spec.Kind}'; this factory builds kind '{KindName}'.", nameof(spec));
        }

        var settings = LlmAgentSettings.Parse(spec);
        var directory = environment.AgentDirectory;
        Directory.CreateDirectory(directory);
        var scope = new ModelCallScope(environment.TimeProvider);
        var source = environment.ReplayFromRunDirectory is { } replayed
            ? Replaying(spec.Name, replayed, directory, scope)
            : Live(spec.Name, settings, scope);
        var usage = new UsageLedger(Path.Combine(directory, ModelUsageFile.FileName), settings.PriceInputPerMTok, settings.PriceOutputPerMTok);
        var client = new AccountingChatClient(new RecordingChatClient(source, Path.Combine(directory, RecordingFileName), scope), usage, scope);
        return new LlmAgent(spec.Name, settings, client, scope, usage, directory, loggerFactory.CreateLogger<LlmAgent>(), ToolCallObserver);
    }

    public void Dispose()
    {
        if (http.IsValueCreated)
        {
            http.Value.Dispose();
        }
    }

    private static ReplayingChatClient Replaying(string name, string replayedRun, string directory, ModelCallScope scope)
    {
        var path = RecordingPath(replayedRun, name);
        if (!File.Exists(path))
        {
            throw new ArgumentException(
                $"Cannot replay llm agent '{name}': the run {replayedRun} has no recording of its model calls at {path}. Replay a run in which this agent took part, under the same name.");
        }

        if (string.Equals(Path.GetFullPath(path), Path.GetFullPath(Path.Combine(directory, RecordingFileName)), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot replay llm agent '{name}' into the run it replays ({replayedRun}); a replay writes a new run folder.");
        }

        return new ReplayingChatClient(path, scope);
    }

    private IChatClient Live(string name, LlmAgentSettings settings, ModelCallScope scope)
    {
        var key = settings.Connection.ResolveApiKey(environment, $"llm agent '{name}'");
        var resilient = OpenAiEndpoint.CreateResilient(settings.Connection, key, http.Value, scope.TimeProvider, loggerFactory.CreateLogger<ResilientChatClient>());
        return settings.MaxWallTimePerDay > TimeSpan.Zero ? new DayWallTimeChatClient(resilient, scope, settings.MaxWallTimePerDay) : resilient;
    }
}
