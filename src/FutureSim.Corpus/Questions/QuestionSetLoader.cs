using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using FutureSim.Core.Input;
using FutureSim.Core.Questions;
using FutureSim.Core.Simulation;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Loads question files into <see cref="Question"/> records: the bundled ForecastBench binary and free-form sets,
/// and FutureSim question files (CSV, JSON Lines, JSON array). A bad record — unreadable, missing the id, title,
/// resolution date or answer, with an unparsable date, a duplicate id, an unknown binary answer, or resolving
/// on or before the instant it opens — stops loading with an <see cref="InvalidInputException"/> naming the file
/// and line, or, under <see cref="InvalidRecordHandling.Skip"/>, is left out and returned in
/// <see cref="QuestionSetLoadResult.Skipped"/>. No valid record is dropped and no bad one is dropped silently.
/// Thread-safe: it keeps no state between calls.
/// </summary>
public static class QuestionSetLoader
{
    /// <summary>What to do about a bad record; appended to the error message.</summary>
    public const string SkipInvalidAdvice = "Fix the record, or pass --skip-invalid to skip bad records and report them.";

    /// <summary>The file name of the bundled ForecastBench binary set in the corpora folder.</summary>
    public const string BundledForecastBenchFile = "questions-forecastbench-binary-2025-2026.jsonl.gz";

    /// <summary>The file name of the bundled free-form set in the corpora folder.</summary>
    public const string BundledFreeFormFile = "questions-freeform-2025-2026.jsonl";

    /// <summary>The format of a question file, told from its name and content; see <see cref="QuestionFileFormat"/>.</summary>
    /// <exception cref="InvalidInputException">The file is Parquet (the message says how to convert it).</exception>
    public static QuestionFileFormat DetectFormat(string path) => QuestionFormatDetection.Detect(path);

    /// <summary>Loads one question file; <paramref name="format"/> null means detect it (<see cref="DetectFormat"/>).</summary>
    /// <exception cref="InvalidInputException">A bad record under <see cref="InvalidRecordHandling.Fail"/>, or a file that cannot be read at all.</exception>
    /// <exception cref="ArgumentException">A FutureSim question file is loaded without <see cref="QuestionLoadOptions.DefaultOpensAt"/>.</exception>
    public static QuestionSetLoadResult Load(string path, QuestionFileFormat? format, QuestionLoadOptions options) =>
        LoadMany([new QuestionFileSource(path, format)], options)[0];

    /// <summary>
    /// Loads several question files for one run, in order. Question ids must be unique across all of them: a
    /// repeated id is a bad record of the file where it appears again.
    /// </summary>
    public static ImmutableArray<QuestionSetLoadResult> LoadMany(IEnumerable<QuestionFileSource> files, QuestionLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var seen = new Dictionary<string, (string File, long Line)>(StringComparer.Ordinal);
        return [.. files.Select(file => LoadOne(file, options, seen))];
    }

    private static QuestionSetLoadResult LoadOne(QuestionFileSource file, QuestionLoadOptions options, Dictionary<string, (string File, long Line)> seen)
    {
        var path = file.Path;
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "question file not found"), "Check the path.");
        }

        var format = file.Format ?? QuestionFormatDetection.Detect(path);
        var (name, records, map) = Reader(path, format, options);
        var questions = ImmutableArray.CreateBuilder<Question>();
        var skipped = ImmutableArray.CreateBuilder<RecordError>();
        foreach (var record in records)
        {
            try
            {
                var question = map(new RecordFields(record.Problem is null ? record.Fields : throw new RecordProblemException(record.Problem)));
                CheckOpensBeforeResolving(question, format, options);
                if (seen.TryGetValue(question.Id.Value, out var first))
                {
                    throw new RecordProblemException(first.File == path
                        ? $"duplicate id '{question.Id}' (first used on line {first.Line})"
                        : $"duplicate id '{question.Id}' (already loaded from {first.File}:{first.Line})");
                }

                seen.Add(question.Id.Value, (path, record.Line));
                questions.Add(question);
            }
            catch (RecordProblemException e)
            {
                var error = new RecordError(path, record.Line, e.Message);
                if (options.InvalidRecords == InvalidRecordHandling.Fail)
                {
                    throw new InvalidInputException(error, SkipInvalidAdvice);
                }

                skipped.Add(error);
            }
        }

        if (questions.Count == 0 && skipped.Count == 0)
        {
            throw new InvalidInputException(new RecordError(path, 0, "the file holds no questions"), "Check that this is the question file you meant.");
        }

        return new QuestionSetLoadResult(name, path, Sha256(path), questions.ToImmutable(), skipped.ToImmutable());
    }

    private static (string Name, IEnumerable<SourceRecord> Records, Func<RecordFields, Question> Map) Reader(
        string path, QuestionFileFormat format, QuestionLoadOptions options)
    {
        if (format is QuestionFileFormat.ForecastBenchJsonLines)
        {
            return (ForecastBenchQuestions.SetName, JsonRecordReader.ReadLines(path), ForecastBenchQuestions.Map);
        }

        if (format is QuestionFileFormat.FreeFormJsonLines)
        {
            return (FreeFormQuestions.SetName, JsonRecordReader.ReadLines(path), FreeFormQuestions.Map);
        }

        var opensAt = options.DefaultOpensAt ?? throw new ArgumentException(
            $"FutureSim question files give no open date: set {nameof(QuestionLoadOptions)}.{nameof(QuestionLoadOptions.DefaultOpensAt)} (normally the start of the simulation's first day) to load {path}.",
            nameof(options));
        var name = SetNameOf(path);
        var records = format switch
        {
            QuestionFileFormat.FutureSimCsv => CsvRecordReader.Read(path),
            QuestionFileFormat.FutureSimJsonLines => JsonRecordReader.ReadLines(path),
            QuestionFileFormat.FutureSimJson => JsonRecordReader.ReadArray(path),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown question file format"),
        };
        return (name, records, fields => FutureSimQuestions.Map(fields, opensAt, name));
    }

    private static void CheckOpensBeforeResolving(Question question, QuestionFileFormat format, QuestionLoadOptions options)
    {
        if (question.OpensAt < SimulatedTime.StartOf(question.ResolutionDate))
        {
            return;
        }

        var opensAt = question.OpensAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var defaulted = format is QuestionFileFormat.FutureSimCsv or QuestionFileFormat.FutureSimJsonLines or QuestionFileFormat.FutureSimJson
            && question.OpensAt == options.DefaultOpensAt;
        throw new RecordProblemException(
            $"question resolves on {question.ResolutionDate:yyyy-MM-dd} (at the start of that day) but opens at {opensAt}: it must open before the day it resolves"
            + (defaulted ? " (the file gives no open date, so it opens on the simulation's first day; start the simulation earlier or drop the question)" : ""));
    }

    private static string SetNameOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Path.GetFileNameWithoutExtension(name);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
