using System.Collections.Immutable;

namespace FutureSim.Core.Tools;

/// <summary>
/// The morning feedback an agent receives at the start of a day (what FutureSim's <c>next_day</c>
/// returns): new articles since its previous day, questions resolved since then with truth and score,
/// and its cumulative performance so far.
/// </summary>
public sealed record DayBriefing(
    DateOnly Today,
    DateOnly? PreviousDay,
    int NewArticles,
    int OpenQuestions,
    ImmutableArray<ResolvedQuestionView> ResolvedSince,
    int ResolvedTotal,
    double MeanScore,
    double AccuracyTopOne);
