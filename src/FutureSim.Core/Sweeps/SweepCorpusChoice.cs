using System.Collections.Immutable;
using FutureSim.Core.Articles;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// News files and visibility policy (each null: the base configuration's), and optionally the fingerprint the
/// corpus must have; the label defaults to the file names and the policy.
/// </summary>
public sealed record SweepCorpusChoice(string? Label, ImmutableArray<string>? Files, VisibilityPolicy? Visibility, string? Fingerprint);
