using FutureSim.Core.Articles;
using FutureSim.Viewer.Articles;
using FutureSim.Viewer.Runs;

namespace FutureSim.Viewer.Documents;

/// <summary>An article as the researcher sees it (any article of the run's corpus), with who retrieved it in the run and when.</summary>
internal static class ArticleDocuments
{
    public static object Article(RunSnapshot s, ArticleId id, ArticleShelf? shelf)
    {
        var article = shelf?.Find(id);
        var retrievals = s.Traces!.Retrievals.TryGetValue(id, out var list) ? list : [];
        return new
        {
            id = id.Value,
            found = article is not null,
            note = article is not null ? null : shelf?.Problem ?? (shelf is null ? "The run's corpus is still opening; reload in a moment." : "No article has this id in the run's corpus."),
            title = article?.Title,
            source = article?.Source,
            visible_at = article?.VisibleAt ?? retrievals.FirstOrDefault()?.VisibleAt,
            published_on = article?.PublishedOn?.ToString("yyyy-MM-dd"),
            url = article?.Url,
            category = article?.Category,
            topics = article?.Topics.ToArray() ?? [],
            body = article?.Body,
            references = article?.References.Select(r => new { name = r.Name, url = r.Url }).ToArray() ?? [],
            retrieved_by = retrievals.GroupBy(r => r.Agent).Select(g => new
            {
                agent = g.Key,
                times = g.Count(),
                read = g.Count(r => r.Via == "read"),
                days = g.Select(r => r.Day.ToString("yyyy-MM-dd")).Distinct().ToArray(),
            }).ToArray(),
        };
    }

    /// <summary>Every article returned to an agent in the run: id → [visible at, title, source] (title and source null when the corpus is unavailable).</summary>
    public static object Index(RunSnapshot s, ArticleShelf? shelf) => new
    {
        note = s.Traces!.Retrievals.Count > 0 ? shelf?.Problem : null,
        articles = s.Traces!.Retrievals
            .OrderBy(r => r.Key.Value, StringComparer.Ordinal)
            .ToDictionary(r => r.Key.Value, r =>
            {
                var article = shelf?.Find(r.Key);
                return new object?[] { r.Value[0].VisibleAt, article?.Title, article?.Source };
            }),
    };
}
