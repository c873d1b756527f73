using System.Collections.Immutable;
using FutureSim.Core.Articles;

namespace FutureSim.Core.Retrieval;

/// <summary>What <see cref="RetrievalEvaluation.Run"/> measures and how its intervals are drawn.</summary>
public sealed record RetrievalEvaluationOptions
{
    public ImmutableArray<SearchMode> Modes { get; init; } = [SearchMode.Keyword, SearchMode.Semantic, SearchMode.Hybrid];

    /// <summary>Documents retrieved per topic (the depth of the run files; recall@100 needs 100).</summary>
    public int Depth { get; init; } = 100;

    public int Resamples { get; init; } = 1000;

    public double Level { get; init; } = 0.95;

    public ulong Seed { get; init; } = 20_260_101;
}
