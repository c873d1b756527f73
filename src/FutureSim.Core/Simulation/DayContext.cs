using System.Collections.Immutable;
using FutureSim.Core.Articles;
using FutureSim.Core.Questions;
using FutureSim.Core.Tools;

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

    /// <summary>
    /// The market view of each open question without any agent's forecast, built once per day and
    /// shared (agents only add their own forecast to it).
    /// </summary>
    public ImmutableArray<OpenQuestionView> OpenViews => openViews ??= [.. Open.Select(q => new OpenQuestionView(
        q.Id.Value, q.Title, q.Background, q.ResolutionCriteria, SimulationState.KindName(q.Kind), q.AnswerType,
        q.Options, q.ResolutionDate, q.Crowd is { } c && c.AvailableFrom <= View.AsOf ? c.ProbabilityYes : null, null, null))];

    private ImmutableArray<OpenQuestionView>? openViews;
}
