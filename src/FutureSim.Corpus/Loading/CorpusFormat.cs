namespace FutureSim.Corpus.Loading;

/// <summary>The corpus layouts FutureSim reads. <see cref="CorpusFiles.Expand"/> tells them apart automatically.</summary>
public enum CorpusFormat
{
    /// <summary>
    /// Wikipedia Current Events items with a first-seen time (<c>first_seen_utc</c>), e.g. the bundled
    /// 2025–2026 news. Visibility follows the <see cref="Core.Articles.VisibilityPolicy"/>.
    /// </summary>
    CurrentEvents,

    /// <summary>Wikipedia Current Events items with day-level dates only (<c>source_names</c>), e.g. the 2002–2024 benchmark news; visible at the end of <c>date</c>.</summary>
    CurrentEventsArchive,

    /// <summary>FutureSim articles (<c>title, source, date, content</c>), one file or a dated <c>YYYY/MM/DD/articles.jsonl</c> tree; visible from the start of the crawl <c>date</c>.</summary>
    FutureSimArticles,
}
