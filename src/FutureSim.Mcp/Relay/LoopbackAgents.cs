using Microsoft.Extensions.Logging;

namespace FutureSim.Mcp.Relay;

/// <summary>
/// Forecasting agents whose decisions come from MCP clients connecting over loopback TCP, exactly as CLI agents'
/// relays connect: each agent has its own secret, and a client (<see cref="LoopbackToolClient"/>) that presents it
/// reaches that agent's tools alone. <see cref="CompleteAll"/> releases clients waiting in <c>next_day</c>.
/// </summary>
public sealed class LoopbackAgents(ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    private readonly LoopbackMcpHost host = new(loggerFactory);
    private readonly List<McpClientAgent> agents = [];

    /// <summary>The loopback port clients connect to.</summary>
    public int Port => host.Port;

    /// <summary>A new agent named <paramref name="name"/> and the secret its client connects with.</summary>
    public (McpClientAgent Agent, string Secret) Add(string name)
    {
        var agent = new McpClientAgent();
        var secret = host.Register(name, agent.HandOff, Sessions.NextDayMode.WaitForNextDay);
        lock (agents)
        {
            agents.Add(agent);
        }

        return (agent, secret);
    }

    /// <summary>Declares that no further day will come for any agent.</summary>
    public void CompleteAll()
    {
        lock (agents)
        {
            foreach (var agent in agents)
            {
                agent.Complete();
            }
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
