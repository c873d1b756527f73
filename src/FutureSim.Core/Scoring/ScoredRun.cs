using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;

namespace FutureSim.Core.Scoring;

/// <summary>The scores of one run, computed from its <see cref="RunRecord"/> alone by <see cref="RunScorer"/>.</summary>
public sealed record ScoredRun
{
    public required string RunId { get; init; }

    public required RunManifest Manifest { get; init; }

    /// <summary>Whether the run reached <c>run_completed</c>; otherwise its scores stop at its last completed day.</summary>
    public required bool IsComplete { get; init; }

    /// <summary>The completed days scored.</summary>
    public required ImmutableArray<DateOnly> Days { get; init; }

    /// <summary>The run's questions, ordered by id (ordinal).</summary>
    public required ImmutableArray<Question> Questions { get; init; }

    /// <summary>One entry per agent of the manifest, ordered by name (ordinal).</summary>
    public required ImmutableArray<AgentScores> Agents { get; init; }

    /// <summary>The share of Yes among the run's binary questions (the base-rate reference), or null without binary questions.</summary>
    public double? BinaryBaseRate { get; init; }

    public required ScoringOptions Options { get; init; }

    /// <summary>Warnings carried over from reading the run.</summary>
    public required ImmutableArray<RecordError> Warnings { get; init; }
}
