using System.Collections.Immutable;

namespace FutureSim.Core.Tools;

/// <summary>
/// The tool surface of one agent on one simulated day (design §5): the only way an agent reaches the
/// world. One implementation serves C# agents, Semantic Kernel function calling and MCP. Every call is
/// recorded; arguments are the agent's raw input and are validated here, never trusted: dates are
/// clamped to today, ids that are not visible look like ids that do not exist. Calls after the agent's
/// day has ended are refused. Members may be called from any thread, one call at a time per agent.
/// </summary>
public interface IForecastingTools
{
    /// <summary>The simulated day the agent acts on.</summary>
    DateOnly Today { get; }

    /// <summary>This morning's feedback.</summary>
    DayBriefing Briefing { get; }

    /// <summary><c>search_news</c>: full-text search over the news visible today. <paramref name="maxResults"/> is capped at 10; dates are ISO <c>YYYY-MM-DD</c>.</summary>
    SearchNewsResult SearchNews(string query, int maxResults = 5, string? fromDate = null, string? toDate = null);

    /// <summary><c>get_article</c>: one visible article by id.</summary>
    GetArticleResult GetArticle(string id);

    /// <summary><c>list_questions</c>: the market view.</summary>
    MarketView ListQuestions();

    /// <summary>
    /// <c>submit_forecasts</c>: replaces the agent's forecast on an open question. At most 5 outcomes, each
    /// probability in [0, 1], sum ≤ 1 + 1e-6; binary questions take Yes/No; multiple-choice questions take
    /// their options. Refused (with the reason) for unknown, unopened or resolved questions.
    /// </summary>
    SubmissionResult SubmitForecasts(string questionId, IReadOnlyDictionary<string, double> outcomes);

    /// <summary>The agent's notes, kept across days (and resumes).</summary>
    string ReadNotes();

    /// <summary>Replaces the agent's notes (at most <see cref="NotesLimit"/> characters).</summary>
    string WriteNotes(string text);

    /// <summary>The largest notes text accepted.</summary>
    public const int NotesLimit = 100_000;
}
