using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Loading;

/// <summary>
/// Turns a parsed record into the canonical <see cref="Article"/> under each format's visibility rule.
/// Only what was knowable at <see cref="Article.VisibleAt"/> is carried over: later edit times,
/// later link lists and, under the strict policy, the later wording are dropped.
/// </summary>
internal static class ArticleMapping
{
    public const string CurrentEventsSource = "Wikipedia Current Events";

    /// <exception cref="InvalidRecordException">A required field is missing or a date does not parse.</exception>
    public static Article ToArticle(RawRecord r, CorpusFormat format, VisibilityPolicy policy) => format switch
    {
        CorpusFormat.CurrentEvents => FromCurrentEvents(r, policy),
        CorpusFormat.CurrentEventsArchive => FromArchive(r),
        CorpusFormat.FutureSimArticles => FromFutureSim(r),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static Article FromCurrentEvents(RawRecord r, VisibilityPolicy policy)
    {
        var id = Required(r.Id, "id");
        var date = ParseDay(Required(r.Date, "date"), "date");
        var title = Required(r.Title, "title");
        var text = Required(r.Text, "text");
        var strict = policy == VisibilityPolicy.Strict;
        var visibleAt = strict
            ? ParseInstant(Required(r.FirstSeenUtc, "first_seen_utc"), "first_seen_utc")
            : SimulatedTime.EndOf(date);
        var firstSeen = strict ? r.TextWhenFirstSeen : null;
        if (firstSeen is not null && title.Length < text.Length && text.StartsWith(title, StringComparison.Ordinal))
        {
            // An item without a topic line is titled by the start of its text: take it from the wording first
            // seen, or the title would show later edits.
            title = firstSeen[..Math.Min(title.Length, firstSeen.Length)];
        }

        return new Article
        {
            Id = new ArticleId(id),
            VisibleAt = visibleAt,
            PublishedOn = date,
            Source = CurrentEventsSource,
            Title = title,
            Body = firstSeen ?? text,
            Url = r.PageUrl,
            Category = r.Category,
            Topics = [.. r.Topics],
            References = [.. r.Sources],
        };
    }

    private static Article FromArchive(RawRecord r)
    {
        var id = Required(r.Id, "id");
        var date = ParseDay(Required(r.Date, "date"), "date");
        return new Article
        {
            Id = new ArticleId(id),
            VisibleAt = SimulatedTime.EndOf(date),
            PublishedOn = date,
            Source = CurrentEventsSource,
            Title = Required(r.Title, "title"),
            Body = Required(r.Text, "text"),
            Url = r.PageUrl,
            Category = r.Category,
            Topics = [.. r.Topics],
            References = r.SourceNames.Select(name => new ArticleReference(name, null)).ToImmutableArray(),
        };
    }

    private static Article FromFutureSim(RawRecord r)
    {
        var title = Required(r.Title, "title");
        var source = Required(r.Source, "source");
        var crawled = ParseDayOrInstant(Required(r.Date, "date"), "date");
        var content = Required(r.Content, "content");
        DateOnly? published = r.DatePublish is { Length: > 0 } p ? ParseDayOrInstant(p, "date_publish") : null;
        var id = r.Id is { Length: > 0 } given ? given
            : r.Url is { Length: > 0 } url ? DerivedId("url\n" + url)
            : DerivedId("text\n" + title + "\n" + content);
        return new Article
        {
            Id = new ArticleId(id),
            VisibleAt = SimulatedTime.StartOf(crawled),
            PublishedOn = published,
            Source = source,
            Title = title,
            Body = content,
            Url = r.Url,
        };
    }

    /// <summary>The id of an article that has none: a hash of its url, else of its title and content (FutureSim's identity rule).</summary>
    private static string DerivedId(string identity) =>
        "fs-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 10));

    private static string Required(string? value, string field) =>
        value ?? throw new InvalidRecordException($"missing required field '{field}'");

    private static DateOnly ParseDay(string value, string field) =>
        IsoTime.TryParseDay(value, out var day)
            ? day
            : throw new InvalidRecordException($"field '{field}' is not a date in the form YYYY-MM-DD: '{Shorten(value)}'");

    private static DateOnly ParseDayOrInstant(string value, string field) =>
        value.Length == 10 ? ParseDay(value, field) : SimulatedTime.DayOf(ParseInstant(value, field));

    private static DateTimeOffset ParseInstant(string value, string field) =>
        IsoTime.TryParseInstant(value, out var instant)
            ? instant
            : throw new InvalidRecordException($"field '{field}' is not an ISO-8601 instant such as 2025-09-05T15:28:06Z: '{Shorten(value)}'");

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
