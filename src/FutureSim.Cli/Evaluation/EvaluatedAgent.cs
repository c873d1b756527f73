using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Evaluation;

/// <summary>
/// An agent object to evaluate, by name: how to make it once the run has given it its folder
/// (<see cref="AgentEnvironment.AgentDirectory"/>, where an agent keeps what must survive a resume). Use
/// <c>FrameworkAgents.FromKernel</c> or <c>FrameworkAgents.FromAIAgent</c> for Semantic Kernel and Agent
/// Framework agents.
/// </summary>
public sealed record EvaluatedAgent
{
    private EvaluatedAgent(string name, string kind, Func<AgentEnvironment, IForecastingAgent> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Make = create;
    }

    public string Name { get; }

    /// <summary>The kind written in the run manifest.</summary>
    public string Kind { get; }

    internal Func<AgentEnvironment, IForecastingAgent> Make { get; }

    /// <summary>An agent made in its run folder by <paramref name="create"/>.</summary>
    public static EvaluatedAgent Create(string name, Func<AgentEnvironment, IForecastingAgent> create, string kind = "in-process") =>
        new(name, kind, create ?? throw new ArgumentNullException(nameof(create)));

    /// <summary>An agent object that needs no folder.</summary>
    public static EvaluatedAgent Of(string name, IForecastingAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new(name, "in-process", _ => agent);
    }
}
