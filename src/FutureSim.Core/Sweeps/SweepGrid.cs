using System.Collections.Immutable;

namespace FutureSim.Core.Sweeps;

/// <summary>
/// The dimensions a sweep varies. A dimension left out (null) keeps the base configuration's value and
/// adds nothing to the run ids; a dimension given lists at least one value.
/// </summary>
public sealed record SweepGrid
{
    /// <summary>Groups of configured agents; each group is one run (per point of the other dimensions).</summary>
    public ImmutableArray<SweepAgentGroup>? Agents { get; init; }

    /// <summary>Seeds given to the agents that take one; runs whose agents are all deterministic are not repeated per seed.</summary>
    public ImmutableArray<long>? Seeds { get; init; }

    public ImmutableArray<SweepQuestionChoice>? QuestionSets { get; init; }

    public ImmutableArray<SweepCorpusChoice>? Corpus { get; init; }

    public ImmutableArray<SweepWindow>? Windows { get; init; }

    /// <summary>True when no dimension is given.</summary>
    public bool IsEmpty => Agents is null && Seeds is null && QuestionSets is null && Corpus is null && Windows is null;
}
