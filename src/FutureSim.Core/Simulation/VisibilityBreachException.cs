namespace FutureSim.Core.Simulation;

/// <summary>A harness invariant breach: something invisible at the simulated now reached an agent. The run stops.</summary>
public sealed class VisibilityBreachException(string message) : Exception(message);
