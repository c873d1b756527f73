using FutureSim.Core.Articles;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Loading;

/// <summary>
/// Streams <see cref="Article"/>s from corpus files, one line at a time, under one visibility policy.
/// Ids are remembered across every file this reader reads: a repeated id in a Wikipedia file is a bad
/// record; a repeated FutureSim article (same id, else url, else title + content) is a re-crawl and is
/// dropped (the first arrival wins) and counted in <see cref="DuplicatesDropped"/>.
/// Bad records stop the read with an <see cref="InvalidInputException"/> naming file and line, or, with
/// <see cref="InvalidRecordHandling.Skip"/>, are skipped and listed in <see cref="SkippedRecords"/>.
/// Not thread-safe: one reader per loading pass.
/// </summary>
public sealed class CorpusReader
{
    private const string SkipAdvice = "Fix or remove that line, or skip invalid records (--skip-invalid) to load the rest.";
    private const string DuplicateAdvice = "Ids must be unique: remove or rename the repeated record, or skip invalid records (--skip-invalid).";

    private readonly HashSet<long> seen = [];
    private readonly List<RecordError> skipped = [];

    /// <summary>A reader that applies <paramref name="policy"/> to Wikipedia items with first-seen times and treats bad records per <paramref name="handling"/>.</summary>
    public CorpusReader(VisibilityPolicy policy, InvalidRecordHandling handling)
    {
        Policy = policy;
        Handling = handling;
    }

    /// <summary>How Wikipedia Current Events items with a first-seen time become visible.</summary>
    public VisibilityPolicy Policy { get; }

    /// <summary>Whether a bad record throws or is skipped and listed.</summary>
    public InvalidRecordHandling Handling { get; }

    /// <summary>The bad records skipped so far (only with <see cref="InvalidRecordHandling.Skip"/>).</summary>
    public IReadOnlyList<RecordError> SkippedRecords => skipped;

    /// <summary>How many FutureSim articles were dropped as repeats of an article already read.</summary>
    public int DuplicatesDropped { get; private set; }

    /// <summary>The articles of a file or dated-tree folder, its format detected (see <see cref="CorpusFiles"/>).</summary>
    public IEnumerable<Article> Read(string path) => CorpusFiles.Expand(path).SelectMany(Read);

    /// <summary>The articles of one file in the stated format, streamed in file order (enumerate once).</summary>
    /// <exception cref="InvalidInputException">A bad record, with <see cref="InvalidRecordHandling.Fail"/>.</exception>
    public IEnumerable<Article> Read(CorpusFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var record = new RawRecord();
        foreach (var line in JsonLinesFile.ReadLines(file.Path))
        {
            var parsed = Parse(line.Utf8.Span, file.Format, Policy, record);
            if (Admit(file, line.Number, parsed, StableHash.Of(parsed.Article?.Id.Value)))
            {
                yield return parsed.Article!;
            }
        }
    }

    /// <summary>
    /// The article of one line, or why the line is not one. Depends on nothing read before, so lines may be
    /// parsed on any thread; <see cref="Admit"/> then takes them in file order.
    /// </summary>
    internal static ParsedLine Parse(ReadOnlySpan<byte> utf8, CorpusFormat format, VisibilityPolicy policy, RawRecord scratch)
    {
        try
        {
            RawRecordParser.Parse(utf8, scratch);
            return new ParsedLine(ArticleMapping.ToArticle(scratch, format, policy), null);
        }
        catch (InvalidRecordException e)
        {
            return new ParsedLine(null, e.Message);
        }
    }

    /// <summary>
    /// Whether a parsed line joins the corpus, deciding in file order: a bad line and a repeated Wikipedia id are
    /// rejected (thrown, or skipped and listed), a repeated FutureSim article is dropped and counted. Not thread-safe.
    /// </summary>
    /// <param name="file">The file the line is from.</param>
    /// <param name="lineNumber">Its line number.</param>
    /// <param name="parsed">What <see cref="Parse"/> made of it.</param>
    /// <param name="idHash">The <see cref="StableHash"/> of the article's id (anything when there is no article).</param>
    /// <exception cref="InvalidInputException">A bad record, with <see cref="InvalidRecordHandling.Fail"/>.</exception>
    internal bool Admit(CorpusFile file, long lineNumber, ParsedLine parsed, long idHash)
    {
        if (parsed.Article is not { } article)
        {
            Reject(new RecordError(file.Path, lineNumber, parsed.Error!), SkipAdvice);
            return false;
        }

        if (seen.Add(idHash))
        {
            return true;
        }

        if (file.Format == CorpusFormat.FutureSimArticles)
        {
            DuplicatesDropped++;
        }
        else
        {
            Reject(new RecordError(file.Path, lineNumber, $"duplicate id '{article.Id}': an earlier record already has it"), DuplicateAdvice);
        }

        return false;
    }

    /// <summary>Treats an id as already read (e.g. one already in the index being extended).</summary>
    internal void MarkSeen(long idHash) => seen.Add(idHash);

    private void Reject(RecordError error, string advice)
    {
        if (Handling == InvalidRecordHandling.Fail)
        {
            throw new InvalidInputException(error, advice);
        }

        skipped.Add(error);
    }
}
