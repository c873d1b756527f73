using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// The one chain of model-call decorators under every agent kind that talks to a chat model
/// (<c>llm</c>, <c>semantic-kernel</c>, <c>agent-framework</c>): accounting over recording over either
/// the live endpoint (daily wall-time limit over retries and timeouts over the OpenAI-compatible
/// client) or, when the run replays another, that run's recording. <see cref="Client"/> is what an
/// agent or a framework talks to; <see cref="Scope"/> and <see cref="Usage"/> are begun each day by
/// the agent.
/// </summary>
internal sealed class ModelCallStack
{
    private ModelCallStack(IChatClient client, ModelCallScope scope, UsageLedger usage)
    {
        Client = client;
        Scope = scope;
        Usage = usage;
    }

    public IChatClient Client { get; }

    public ModelCallScope Scope { get; }

    public UsageLedger Usage { get; }

    /// <summary>Drops the model calls and usage recorded for days after <paramref name="lastCompletedDay"/> (all when null), before a run or a resume.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        Client.GetService<RecordingChatClient>()?.DiscardAfter(lastCompletedDay);
        Usage.DiscardAfter(lastCompletedDay);
    }

    /// <summary>Starts a simulated day: files recordings and usage under it and restarts the wall-time clock.</summary>
    public void BeginDay(DateOnly day)
    {
        Scope.BeginDay(day);
        Usage.BeginDay(day);
    }

    /// <summary>
    /// Builds the stack of agent <paramref name="name"/> (of kind <paramref name="kind"/>, for messages) in its
    /// agent folder. Throws <see cref="ArgumentException"/> when a replayed run holds no recording of the agent
    /// or the API key's environment variable is unset.
    /// </summary>
    public static ModelCallStack Create(
        string name,
        string kind,
        ModelEndpointSettings connection,
        TimeSpan maxWallTimePerDay,
        double priceInputPerMTok,
        double priceOutputPerMTok,
        AgentEnvironment environment,
        HttpClient http,
        Func<string, string?> variables,
        ILoggerFactory loggerFactory)
    {
        var directory = environment.AgentDirectory;
        Directory.CreateDirectory(directory);
        var scope = new ModelCallScope(environment.TimeProvider);
        IChatClient source;
        if (environment.ReplayFromRunDirectory is { } replayed)
        {
            source = Replaying(name, kind, replayed, directory, scope);
        }
        else
        {
            var key = connection.ResolveApiKey(variables, $"{kind} agent '{name}'");
            var resilient = OpenAiEndpoint.CreateResilient(connection, key, http, scope.TimeProvider, loggerFactory.CreateLogger<ResilientChatClient>());
            source = maxWallTimePerDay > TimeSpan.Zero ? new DayWallTimeChatClient(resilient, scope, maxWallTimePerDay) : resilient;
        }

        var usage = new UsageLedger(Path.Combine(directory, RunFolderLayout.ModelUsage), priceInputPerMTok, priceOutputPerMTok);
        var client = new AccountingChatClient(new RecordingChatClient(source, Path.Combine(directory, RunFolderLayout.ModelCalls), scope), usage, scope);
        return new ModelCallStack(client, scope, usage);
    }

    /// <summary>Where the recording of agent <paramref name="agentName"/> of the run in <paramref name="runDirectory"/> lives.</summary>
    public static string RecordingPath(string runDirectory, string agentName) =>
        RunFolderLayout.AgentFile(runDirectory, agentName, RunFolderLayout.ModelCalls);

    /// <summary>
    /// Checks, before any run folder exists, what <see cref="Create"/> will need: the API key's environment variable, or
    /// the recording of the replayed run. Throws <see cref="ArgumentException"/> saying what is missing.
    /// </summary>
    public static void CheckSource(string name, string kind, ModelEndpointSettings connection, AgentEnvironment environment, Func<string, string?> variables)
    {
        if (environment.ReplayFromRunDirectory is { } replayed)
        {
            RequireRecording(name, kind, replayed, environment.AgentDirectory);
        }
        else
        {
            connection.ResolveApiKey(variables, $"{kind} agent '{name}'");
        }
    }

    private static ReplayingChatClient Replaying(string name, string kind, string replayedRun, string directory, ModelCallScope scope) =>
        new(RequireRecording(name, kind, replayedRun, directory), scope);

    private static string RequireRecording(string name, string kind, string replayedRun, string directory)
    {
        var path = RecordingPath(replayedRun, name);
        if (!File.Exists(path))
        {
            throw new ArgumentException(
                $"Cannot replay {kind} agent '{name}': the run {replayedRun} has no recording of its model calls at {path}. Replay a run in which this agent took part, under the same name.");
        }

        if (string.Equals(Path.GetFullPath(path), Path.GetFullPath(Path.Combine(directory, RunFolderLayout.ModelCalls)), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot replay {kind} agent '{name}' into the run it replays ({replayedRun}); a replay writes a new run folder.");
        }

        return path;
    }
}
