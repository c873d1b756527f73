using FutureSim.Core.Tools;

namespace FutureSim.Agents.Tests.Llm.ModelCalls;

/// <summary>A tool surface that must not be reached: every member throws.</summary>
internal sealed class UnusedTools : IForecastingTools
{
    public DateOnly Today => throw new InvalidOperationException("not reached");

    public DayBriefing Briefing => throw new InvalidOperationException("not reached");

    public SearchNewsResult SearchNews(string query, int maxResults = 5, string? fromDate = null, string? toDate = null) => throw new InvalidOperationException("not reached");

    public GetArticleResult GetArticle(string id) => throw new InvalidOperationException("not reached");

    public MarketView ListQuestions() => throw new InvalidOperationException("not reached");

    public SubmissionResult SubmitForecasts(string questionId, IReadOnlyDictionary<string, double> outcomes) => throw new InvalidOperationException("not reached");

    public string ReadNotes() => throw new InvalidOperationException("not reached");

    public string WriteNotes(string text) => throw new InvalidOperationException("not reached");
}
