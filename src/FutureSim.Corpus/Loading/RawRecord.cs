using FutureSim.Core.Articles;

namespace FutureSim.Corpus.Loading;

/// <summary>The fields of one input line that any corpus format uses; reused from line to line.</summary>
internal sealed class RawRecord
{
    public string? Id;
    public string? Date;
    public string? FirstSeenUtc;
    public bool HasFirstSeenUtc;
    public string? Category;
    public readonly List<string> Topics = [];
    public string? Title;
    public string? Text;
    public string? TextWhenFirstSeen;
    public readonly List<ArticleReference> Sources = [];
    public readonly List<string> SourceNames = [];
    public bool HasSourceNames;
    public string? PageUrl;
    public string? Source;
    public string? Content;
    public string? DatePublish;
    public string? Url;

    public void Clear()
    {
        Id = Date = FirstSeenUtc = Category = Title = Text = TextWhenFirstSeen = null;
        PageUrl = Source = Content = DatePublish = Url = null;
        HasFirstSeenUtc = HasSourceNames = false;
        Topics.Clear();
        Sources.Clear();
        SourceNames.Clear();
    }

    /// <summary>The format a record with these fields belongs to, or null when the fields fit none.</summary>
    public CorpusFormat? InferFormat() =>
        HasFirstSeenUtc ? CorpusFormat.CurrentEvents
        : HasSourceNames ? CorpusFormat.CurrentEventsArchive
        : Content is not null && Source is not null ? CorpusFormat.FutureSimArticles
        : null;
}
