using System.Collections.Immutable;

namespace FutureSim.Core.Sweeps;

/// <summary>Question files used together; the label defaults to their file names without extensions, joined by <c>_</c>.</summary>
public sealed record SweepQuestionChoice(string? Label, ImmutableArray<string> Files);
