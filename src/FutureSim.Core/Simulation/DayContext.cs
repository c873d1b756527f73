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
    private readonly (ImmutableArray<Question> Open, ImmutableArray<OpenQuestionView> Views) market = Market(Questions, View, Resolved);

    public DateTimeOffset AsOf => View.AsOf;

    /// <summary>Questions listed to agents today: opened by now and not resolved, in id order.</summary>
    public ImmutableArray<Question> Open => market.Open;

    /// <summary>
    /// The market view of each open question without any agent's forecast, shared by every agent (each adds only its
    /// own forecast). Built with the context, before any agent can read it: agents read it at the same moment.
    /// </summary>
    public ImmutableArray<OpenQuestionView> OpenViews => market.Views;

    private static (ImmutableArray<Question>, ImmutableArray<OpenQuestionView>) Market(
        ImmutableSortedDictionary<QuestionId, Question> questions, ICorpusView view, ImmutableHashSet<QuestionId> resolved)
    {
        ImmutableArray<Question> open = [.. questions.Values.Where(q => q.OpensAt <= view.AsOf && !resolved.Contains(q.Id))];
        ImmutableArray<OpenQuestionView> views = [.. open.Select(q => new OpenQuestionView(
            q.Id.Value, q.Title, q.Background, q.ResolutionCriteria, SimulationState.KindName(q.Kind), q.AnswerType,
            q.Options, q.ResolutionDate, q.Crowd is { } c && c.AvailableFrom <= view.AsOf ? c.ProbabilityYes : null, null, null))];
        return (open, views);
    }
}
