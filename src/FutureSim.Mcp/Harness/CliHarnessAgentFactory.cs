using System.Collections.Concurrent;
using FutureSim.Core.Articles;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Mcp.Relay;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// Builds agents of kind <c>cli-harness</c>: native agent harnesses launched as child processes (see
/// <see cref="CliHarnessSettings"/> for the settings). The factory owns one loopback MCP endpoint; each agent it
/// builds gets its own secret, so a child reaches only its own agent's tools. Dispose the factory after the run:
/// waiting children are told the simulation is complete, then stopped.
/// </summary>
public sealed class CliHarnessAgentFactory(ITimeGatedCorpus corpus, ILoggerFactory? loggerFactory = null) : IAgentFactory, IAsyncDisposable
{
    public const string Kind = "cli-harness";

    private readonly ILoggerFactory loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly ConcurrentBag<CliHarnessAgent> agents = [];
    private readonly Lock gate = new();
    private LoopbackMcpHost? host;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    /// <summary>Checks an agent's settings without building it; throws <see cref="ArgumentException"/> naming the agent and the bad key.</summary>
    public static void Validate(AgentSpec spec) => CliHarnessSettings.From(spec);

    /// <inheritdoc />
    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment)
    {
        var settings = CliHarnessSettings.From(spec);
        var workspace = new AgentWorkspace(environment.AgentDirectory);
        var handOff = new DayHandOff();
        var nextDay = settings.Lifetime == ChildLifetime.Day ? NextDayMode.EndAndStop : NextDayMode.WaitForNextDay;
        var endpoint = Host();
        var secret = endpoint.Register(spec.Name, handOff, nextDay);
        var relay = RelayLaunch.Command(settings.RelayCommand, endpoint.Port, workspace.SecretPath);
        RelayLaunch.WriteSecret(workspace.SecretPath, secret);
        RelayLaunch.WriteConfig(workspace.McpConfigPath, relay);
        var agent = new CliHarnessAgent(spec.Name, settings, workspace, relay, corpus, handOff, loggerFactory.CreateLogger<CliHarnessAgent>());
        agents.Add(agent);
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(agents.Select(a => a.DisposeAsync().AsTask()));
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private LoopbackMcpHost Host()
    {
        lock (gate)
        {
            return host ??= new LoopbackMcpHost(loggerFactory);
        }
    }
}
