using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Cli.Running;

/// <summary>An agent given to a run by its caller instead of built from configuration: its spec (recorded in the manifest) and how to make it in its agent folder.</summary>
internal sealed record ProvidedAgent(AgentSpec Spec, Func<AgentEnvironment, IForecastingAgent> Create);
