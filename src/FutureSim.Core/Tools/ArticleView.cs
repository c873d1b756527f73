using FutureSim.Core.Articles;

namespace FutureSim.Core.Tools;

/// <summary>An article as a tool returns it to an agent.</summary>
public sealed record ArticleView(
    string Id,
    string Title,
    string Source,
    DateOnly? PublishedOn,
    DateTimeOffset VisibleAt,
    string? Url,
    string Text,
    float? Score)
{
    internal static ArticleView From(Article article, float? score) =>
        new(article.Id.Value, article.Title, article.Source, article.PublishedOn, article.VisibleAt, article.Url, article.Body, score);
}
