using System.Collections.Immutable;
using FutureSim.Core.Forecasts;
using FutureSim.Core.Questions;
using FutureSim.Core.Runs;
using FutureSim.Core.Scoring;
using FutureSim.Core.Tools;

namespace FutureSim.Core.Simulation;

/// <summary>
/// The harness-owned state of a simulation, changed only by applying run events in log order. The
/// live runner and a resume replay the same events through <see cref="ApplyAsync"/>, which is why a
/// resumed run ends exactly as an uninterrupted one.
/// </summary>
internal sealed class SimulationState
{
    private readonly IAnswerMatcher matcher;
    private readonly Dictionary<QuestionId, DateOnly> resolvedOn = [];
    private readonly Dictionary<string, AgentLedger> ledgers;

    public SimulationState(IEnumerable<Question> questions, IEnumerable<string> agentNames, IAnswerMatcher matcher)
    {
        this.matcher = matcher;
        Questions = questions.ToImmutableSortedDictionary(q => q.Id, q => q, Comparer<QuestionId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)));
        ledgers = agentNames.ToDictionary(name => name, name => new AgentLedger(name), StringComparer.Ordinal);
    }

    public ImmutableSortedDictionary<QuestionId, Question> Questions { get; }

    public DateOnly? LastCompletedDay { get; private set; }

    public bool Completed { get; private set; }

    public AgentLedger Ledger(string agent) => ledgers[agent];

    public bool IsResolved(QuestionId id) => resolvedOn.ContainsKey(id);

    /// <summary>Unresolved questions whose resolution date is on or before <paramref name="day"/>, in id order.</summary>
    public IEnumerable<Question> DueForResolution(DateOnly day) =>
        Questions.Values.Where(q => q.ResolutionDate <= day && !resolvedOn.ContainsKey(q.Id));

    public async ValueTask ApplyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        switch (runEvent)
        {
            case QuestionResolved resolved:
                await ResolveAsync(resolved, cancellationToken);
                break;
            case ForecastSubmitted submitted:
                LedgerFor(submitted.Agent).Forecasts[submitted.QuestionId] =
                    new HeldForecast(new Forecast(submitted.QuestionId, submitted.Outcomes), submitted.Day);
                break;
            case NotesSaved notes:
                LedgerFor(notes.Agent).Notes = notes.Text;
                break;
            case DayCompleted completed:
                LastCompletedDay = completed.Day;
                break;
            case RunCompleted:
                Completed = true;
                break;
        }
    }

    private async ValueTask ResolveAsync(QuestionResolved resolved, CancellationToken cancellationToken)
    {
        if (!Questions.TryGetValue(resolved.QuestionId, out var question))
        {
            throw new InvalidOperationException($"The run log resolves question '{resolved.QuestionId}', which the run does not define.");
        }

        resolvedOn[question.Id] = resolved.Day;
        foreach (var ledger in ledgers.Values)
        {
            var held = ledger.Forecasts.GetValueOrDefault(question.Id);
            var score = await FeedbackScorer.ScoreAsync(question, held?.Forecast, matcher, cancellationToken);
            var view = new ResolvedQuestionView(
                question.Id.Value, question.Title, KindName(question.Kind), question.ResolutionDate,
                question.Resolution.Answer, held?.Forecast.Outcomes, score);
            ledger.Resolved.Add(new ResolvedRecord(resolved.Day, view));
        }
    }

    private AgentLedger LedgerFor(string agent) =>
        ledgers.TryGetValue(agent, out var ledger)
            ? ledger
            : throw new InvalidOperationException($"The run log names agent '{agent}', which the run does not define.");

    public static string KindName(QuestionKind kind) => kind switch
    {
        QuestionKind.Binary => "binary",
        QuestionKind.MultipleChoice => "multiple_choice",
        _ => "free_form",
    };
}
