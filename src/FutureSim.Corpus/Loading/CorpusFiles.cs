using System.Text.RegularExpressions;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Loading;

/// <summary>
/// Turns the paths a user gives (<c>--corpus</c>) into corpus files with their formats. A folder is a
/// FutureSim dated tree (<c>YYYY/MM/DD/articles.jsonl</c>, optionally <c>.gz</c>), read day by day in date
/// order. A file's format is decided by the fields of its first record: <c>first_seen_utc</c> →
/// <see cref="CorpusFormat.CurrentEvents"/>; <c>source_names</c> → <see cref="CorpusFormat.CurrentEventsArchive"/>;
/// <c>source</c> and <c>content</c> → <see cref="CorpusFormat.FutureSimArticles"/>.
/// Callers who know the format can build a <see cref="CorpusFile"/> themselves instead.
/// </summary>
public static partial class CorpusFiles
{
    private const string Advice =
        "Pass a Wikipedia Current Events JSON Lines file (plain or .gz), the 2002–2024 benchmark file, a FutureSim articles.jsonl file or a folder of YYYY/MM/DD/articles.jsonl files.";

    /// <summary>The corpus files under <paramref name="path"/>, in reading order.</summary>
    /// <exception cref="InvalidInputException">The path does not exist, holds no articles files, or its format cannot be told.</exception>
    public static IReadOnlyList<CorpusFile> Expand(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            var root = Path.GetFullPath(path);
            var days = Directory.EnumerateFiles(root, "articles.jsonl*", SearchOption.AllDirectories)
                .Select(file => (file, relative: Path.GetRelativePath(root, file).Replace('\\', '/')))
                .Where(f => DatedFile().IsMatch(f.relative))
                .OrderBy(f => f.relative, StringComparer.Ordinal)
                .Select(f => new CorpusFile(f.file, CorpusFormat.FutureSimArticles))
                .ToList();
            return days.Count > 0
                ? days
                : throw new InvalidInputException(new RecordError(path, 0, "the folder holds no YYYY/MM/DD/articles.jsonl files"), Advice);
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "no such file or folder"), Advice);
        }

        return [new CorpusFile(Path.GetFullPath(path), DetectFormat(path))];
    }

    /// <summary>
    /// The format of a file, from the fields of its first readable record (a bad first record is the reader's to report
    /// or skip, like any other).
    /// </summary>
    /// <exception cref="InvalidInputException">The file holds no readable record, or the first one fits no format.</exception>
    public static CorpusFormat DetectFormat(string file)
    {
        var record = new RawRecord();
        RecordError? firstBad = null;
        foreach (var line in JsonLinesFile.ReadLines(file))
        {
            try
            {
                RawRecordParser.Parse(line.Utf8.Span, record);
            }
            catch (InvalidRecordException e)
            {
                firstBad ??= new RecordError(file, line.Number, e.Message);
                continue;
            }

            return record.InferFormat() ?? throw new InvalidInputException(
                new RecordError(file, line.Number, "cannot tell the corpus format: the record has none of first_seen_utc, source_names, or source + content"),
                Advice);
        }

        throw firstBad is null
            ? new InvalidInputException(new RecordError(file, 0, "the file holds no records, so its format cannot be told"), Advice)
            : new InvalidInputException(firstBad, "No record of the file can be read, so its format cannot be told. " + Advice);
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2}/articles\.jsonl(\.gz)?$")]
    private static partial Regex DatedFile();
}
