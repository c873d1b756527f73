using System.Collections.Immutable;

namespace FutureSim.Core.Tools;

/// <summary>
/// The result of <c>list_questions</c>: the open questions with the agent's own latest forecast, and
/// the resolved questions with their truth and the agent's score. Never contains the truth of an
/// unresolved question or another agent's forecast.
/// </summary>
public sealed record MarketView(DateOnly Today, ImmutableArray<OpenQuestionView> Open, ImmutableArray<ResolvedQuestionView> Resolved);

/// <summary>An open question as agents see it.</summary>
public sealed record OpenQuestionView(
    string Id,
    string Title,
    string Background,
    string ResolutionCriteria,
    string Kind,
    string AnswerType,
    ImmutableArray<string> Options,
    DateOnly ResolutionDate,
    double? CrowdProbabilityYes,
    ImmutableSortedDictionary<string, double>? MyForecast,
    DateOnly? MyForecastDate);

/// <summary>A resolved question: its truth, the agent's last forecast before resolution and its score.</summary>
public sealed record ResolvedQuestionView(
    string Id,
    string Title,
    string Kind,
    DateOnly ResolutionDate,
    string Truth,
    ImmutableSortedDictionary<string, double>? MyForecast,
    FeedbackScore Score);
