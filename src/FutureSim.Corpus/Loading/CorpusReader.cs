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

    public CorpusReader(VisibilityPolicy policy, InvalidRecordHandling handling)
    {
        Policy = policy;
        Handling = handling;
    }

    public VisibilityPolicy Policy { get; }

    public InvalidRecordHandling Handling { get; }

    /// <summary>The bad records skipped so far (only with <see cref="InvalidRecordHandling.Skip"/>).</summary>
    public IReadOnlyList<RecordError> SkippedRecords => skipped;

    /// <summary>How many FutureSim articles were dropped as repeats of an article already read.</summary>
    public int DuplicatesDropped { get; private set; }

    /// <summary>The articles of a file or dated-tree folder, its format detected (see <see cref="CorpusFiles"/>).</summary>
    public IEnumerable<Article> Read(string path) => CorpusFiles.Expand(path).SelectMany(Read);

    /// <summary>The articles of one file in the stated format, streamed in file order.</summary>
    public IEnumerable<Article> Read(CorpusFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var record = new RawRecord();
        foreach (var line in JsonLinesFile.ReadLines(file.Path))
        {
            Article article;
            try
            {
                RawRecordParser.Parse(line.Utf8.Span, record);
                article = ArticleMapping.ToArticle(record, file.Format, Policy);
            }
            catch (InvalidRecordException e)
            {
                Reject(new RecordError(file.Path, line.Number, e.Message), SkipAdvice);
                continue;
            }

            if (!seen.Add(StableHash.Of(article.Id.Value)))
            {
                if (file.Format == CorpusFormat.FutureSimArticles)
                {
                    DuplicatesDropped++;
                }
                else
                {
                    Reject(new RecordError(file.Path, line.Number, $"duplicate id '{article.Id}': an earlier record already has it"), DuplicateAdvice);
                }

                continue;
            }

            yield return article;
        }
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
