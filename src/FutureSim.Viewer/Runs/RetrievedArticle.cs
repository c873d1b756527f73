using FutureSim.Core.Articles;

namespace FutureSim.Viewer.Runs;

/// <summary>
/// An article a tool call returned to an agent: by a search (<c>search</c>) or read in full (<c>read</c>), on a
/// simulated day, at the call's position that day; <see cref="VisibleAt"/> is the instant it became visible.
/// </summary>
public sealed record RetrievedArticle(ArticleId Id, DateTimeOffset VisibleAt, string Agent, DateOnly Day, int Seq, string Via);
