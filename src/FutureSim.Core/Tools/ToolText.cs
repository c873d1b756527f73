using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FutureSim.Core.Tools;

/// <summary>
/// Renders tool results as the plain text a language model reads (FutureSim's tools answer in text).
/// One rendering serves the Semantic Kernel and MCP adapters alike. Deterministic: invariant culture.
/// </summary>
public static class ToolText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SearchNewsResult result)
    {
        if (result.Error is not null)
        {
            return "Error: " + result.Error;
        }

        var text = new StringBuilder();
        foreach (var notice in result.Notices)
        {
            text.Append("Note: ").Append(notice).Append('\n');
        }

        if (result.Hits.IsEmpty)
        {
            return text.Append("No articles found.").ToString();
        }

        text.Append(Invariant, $"Found {result.Hits.Length} articles:\n");
        for (var i = 0; i < result.Hits.Length; i++)
        {
            text.Append(Invariant, $"\n[{i + 1}] ");
            AppendArticle(text, result.Hits[i]);
        }

        return text.ToString();
    }

    public static string Render(GetArticleResult result)
    {
        if (result.Article is null)
        {
            return "Error: " + result.Error;
        }

        var text = new StringBuilder();
        AppendArticle(text, result.Article);
        return text.ToString();
    }

    public static string Render(SubmissionResult result) => result.Accepted ? result.Message : "Error: " + result.Message;

    public static string Render(MarketView market)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Today is {market.Today:yyyy-MM-dd}. {market.Open.Length} open questions, {market.Resolved.Length} resolved.\n");
        foreach (var q in market.Open)
        {
            text.Append(Invariant, $"\n## {q.Id} ({q.Kind}, resolves {q.ResolutionDate:yyyy-MM-dd})\n{q.Title}\n");
            AppendIfAny(text, "Background", q.Background);
            AppendIfAny(text, "Resolution criteria", q.ResolutionCriteria);
            AppendIfAny(text, "Answer type", q.AnswerType);
            if (!q.Options.IsDefaultOrEmpty)
            {
                text.Append("Options: ").Append(string.Join(" | ", q.Options)).Append('\n');
            }

            if (q.CrowdProbabilityYes is { } crowd)
            {
                text.Append(Invariant, $"Crowd probability of Yes: {crowd:0.###}\n");
            }

            text.Append("Your forecast: ")
                .Append(q.MyForecast is null ? "none" : Describe(q.MyForecast) + string.Create(Invariant, $" (submitted {q.MyForecastDate:yyyy-MM-dd})"))
                .Append('\n');
        }

        if (!market.Resolved.IsEmpty)
        {
            text.Append("\n# Resolved\n");
            foreach (var q in market.Resolved)
            {
                AppendResolved(text, q);
            }
        }

        return text.ToString();
    }

    /// <summary>The morning feedback, as FutureSim's <c>next_day</c> returns it.</summary>
    public static string Render(DayBriefing briefing)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Good morning. Today is {briefing.Today:yyyy-MM-dd}.\n");
        text.Append(Invariant, $"{briefing.NewArticles} new articles arrived since {(briefing.PreviousDay is { } p ? p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the start")}. {briefing.OpenQuestions} questions are open.\n");
        if (!briefing.ResolvedSince.IsEmpty)
        {
            text.Append(Invariant, $"\n{briefing.ResolvedSince.Length} questions resolved:\n");
            foreach (var q in briefing.ResolvedSince)
            {
                AppendResolved(text, q);
            }
        }

        text.Append(Invariant, $"\nSo far: {briefing.ResolvedTotal} resolved, mean score {briefing.MeanScore:0.0000}, top-1 accuracy {briefing.AccuracyTopOne:P1}.\n");
        return text.ToString();
    }

    public static string Describe(ImmutableSortedDictionary<string, double> outcomes) =>
        "{" + string.Join(", ", outcomes.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}: {o.Value.ToString("0.###", Invariant)}")) + "}";

    private static void AppendResolved(StringBuilder text, ResolvedQuestionView q) =>
        text.Append(Invariant, $"- {q.Id}: {q.Title}\n  Truth: {q.Truth}. Your forecast: {(q.MyForecast is null ? "none" : Describe(q.MyForecast))}. Score ({q.Score.Formula}): {q.Score.Value:0.0000}.\n");

    private static void AppendArticle(StringBuilder text, ArticleView article)
    {
        text.Append(article.Title).Append('\n');
        text.Append("id: ").Append(article.Id).Append(" | source: ").Append(article.Source);
        if (article.PublishedOn is { } published)
        {
            text.Append(" | date: ").Append(published.ToString("yyyy-MM-dd", Invariant));
        }

        text.Append(" | available: ").Append(article.VisibleAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant));
        if (article.Url is not null)
        {
            text.Append(" | url: ").Append(article.Url);
        }

        text.Append('\n').Append(article.Text).Append('\n');
    }

    private static void AppendIfAny(StringBuilder text, string label, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }
    }
}
