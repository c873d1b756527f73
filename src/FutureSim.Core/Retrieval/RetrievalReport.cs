using System.Collections.Immutable;
using FutureSim.Core.Leaderboards;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// The result of <see cref="RetrievalEvaluation.Run"/>: per mode, each measure's mean over the measured
/// topics with its percentile bootstrap interval over topics, and paired differences between modes (topics
/// resampled jointly). Judged documents not visible at their topic's instant are data errors and are not counted.
/// </summary>
public sealed record RetrievalReport
{
    /// <summary>Topics in the topic file.</summary>
    public required int Topics { get; init; }

    /// <summary>Topics with at least one relevant document visible at their instant: the ones measured.</summary>
    public required int TopicsMeasured { get; init; }

    public required ImmutableArray<ModeResult> Modes { get; init; }

    /// <summary>Each pair of modes (in the order asked, A before B) and measure: A − B.</summary>
    public required ImmutableArray<RetrievalDifference> Differences { get; init; }

    public required ImmutableArray<JudgmentError> DataErrors { get; init; }

    public required int Resamples { get; init; }

    public required double Level { get; init; }
}

/// <summary>One mode's measures (keyed by measure name), its per-topic rankings (for the run file) and its query latency.</summary>
public sealed record ModeResult(
    string Mode,
    ImmutableSortedDictionary<string, Estimate> Measures,
    ImmutableArray<TopicRanking> Rankings,
    double P50Milliseconds,
    double P99Milliseconds);

/// <summary>The documents retrieved for a topic, best first, with their scores in the mode's own scale.</summary>
public sealed record TopicRanking(string Topic, ImmutableArray<string> Documents, ImmutableArray<float> Scores);

/// <summary>A judgment that cannot count: the document is not visible at the topic's instant (or not in the corpus at all).</summary>
public sealed record JudgmentError(string Topic, string Document, string Problem);
