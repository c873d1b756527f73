using System.Collections.Immutable;
using FutureSim.Core.Input;
using FutureSim.Core.Leaderboards;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Corpus.Questions;
using FutureSim.Interop.Scoring;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// One run folder as read at one moment, through the same readers as scoring: its record (tool calls
/// included), scores, leaderboard with daily bands, traces, question-set audit and model usage; or, when the
/// folder cannot be read, the error naming the file and line.
/// </summary>
public sealed record RunSnapshot
{
    public required RunLocation Location { get; init; }

    /// <summary>What the folder's files looked like when read; a different stamp means it changed.</summary>
    public required RunStamp Stamp { get; init; }

    /// <summary>The manifest, when it could be read (even if the events could not).</summary>
    public RunManifest? Manifest { get; init; }

    /// <summary>Why the run could not be read, or null.</summary>
    public RecordError? Error { get; init; }

    public RunRecord? Record { get; init; }

    public ScoredRun? Scores { get; init; }

    public Leaderboard? Board { get; init; }

    /// <summary>Daily bands per entry of <see cref="Board"/>, computed on first use (the leaderboard's tables do not wait for them).</summary>
    public ImmutableArray<ImmutableArray<DailyBand>> Bands => BandsSource?.Value ?? [];

    public Lazy<ImmutableArray<ImmutableArray<DailyBand>>>? BandsSource { get; init; }

    /// <summary>What the agents did, built on first use (pages of questions, agents and articles need it; the leaderboard does not).</summary>
    public RunTraces? Traces => TracesSource?.Value;

    public Lazy<RunTraces>? TracesSource { get; init; }

    /// <summary>The question-set audit, computed on first use.</summary>
    public ImmutableArray<QuestionLeak> Leaks => LeaksSource?.Value ?? [];

    public Lazy<ImmutableArray<QuestionLeak>>? LeaksSource { get; init; }

    /// <summary>
    /// For a run imported from FutureSim: its agents' daily metrics by FutureSim's own convention
    /// (<c>brier_skill_score</c>, <c>top1_accuracy</c>), computed on first use; null for other runs.
    /// </summary>
    public Lazy<Task<ImmutableArray<FutureSimRunScores>>>? FutureSimSource { get; init; }

    /// <summary>Model usage per agent that called a model (from <c>agents/&lt;agent&gt;/usage.csv</c>).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>> Usage { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>>.Empty;

    /// <summary>The position of each question in <see cref="ScoredRun.Questions"/>.</summary>
    public ImmutableDictionary<QuestionId, int> QuestionIndex { get; init; } = ImmutableDictionary<QuestionId, int>.Empty;

    public bool IsLoaded => Error is null && Scores is not null;
}
