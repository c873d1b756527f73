namespace FutureSim.Core.Tools;

/// <summary>The result of <c>get_article</c>: the article, or the one not-found error used for both missing and not-yet-visible ids.</summary>
public sealed record GetArticleResult(ArticleView? Article, string? Error);
