using System.Collections.Immutable;

namespace FutureSim.Core.Sweeps;

/// <summary>Configured agents that run together in one run; the label defaults to their names joined by <c>_</c>.</summary>
public sealed record SweepAgentGroup(string? Label, ImmutableArray<string> Names);
