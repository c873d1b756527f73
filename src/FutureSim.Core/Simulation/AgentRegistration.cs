using FutureSim.Core.Runs;

namespace FutureSim.Core.Simulation;

/// <summary>An agent taking part in a run: its spec (recorded in the manifest) and the instance that acts.</summary>
public sealed record AgentRegistration(AgentSpec Spec, IForecastingAgent Agent);
