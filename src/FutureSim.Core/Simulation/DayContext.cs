using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;

namespace FutureSim.Core.Simulation;

/// <summary>The frozen world of one simulated day that every agent sees alike: the corpus view and the questions open that day.</summary>
internal sealed record DayContext(
    DateOnly Today,
    ICorpusView View,
    ImmutableSortedDictionary<QuestionId, Question> Questions,
    ImmutableHashSet<QuestionId> Resolved)
{
    public DateTimeOffset AsOf => View.AsOf;

    /// <summary>Questions listed to agents today: opened by now and not resolved, in id order.</summary>
    public ImmutableArray<Question> Open { get; } =
        [.. Questions.Values.Where(q => q.OpensAt <= View.AsOf && !Resolved.Contains(q.Id))];
}
