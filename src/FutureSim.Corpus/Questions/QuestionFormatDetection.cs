using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Detects a question file's format: Parquet (by extension or its <c>PAR1</c> magic) is refused; <c>.csv</c>
/// is CSV; <c>.jsonl</c> and <c>.ndjson</c> are JSON Lines; otherwise the first non-blank character decides — <c>[</c> a JSON array, <c>{</c> JSON Lines, anything
/// else CSV. For JSON Lines the fields of the first record tell the bundled sets apart: <c>first_question_set</c>
/// and <c>resolved_to</c> mean ForecastBench (a bad first record is passed over: the first readable one decides); <c>open_date</c> and <c>resolving_item_id</c> mean the free-form set;
/// anything else is a FutureSim file. A <c>.gz</c> suffix is ignored (gzip is read transparently).
/// </summary>
internal static class QuestionFormatDetection
{
    public const string ParquetAdvice =
        "Convert it to JSON Lines or CSV first, e.g. with pandas: pd.read_parquet('questions.parquet').to_json('questions.jsonl', orient='records', lines=True).";

    public static QuestionFileFormat Detect(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        using var stream = JsonLinesFile.OpenRead(path);
        var head = new byte[4096];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (name.EndsWith(".parquet", StringComparison.Ordinal) || head.AsSpan(0, length).StartsWith("PAR1"u8))
        {
            throw new InvalidInputException(new RecordError(path, 0, "Parquet question files are not supported"), ParquetAdvice);
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return QuestionFileFormat.FutureSimCsv;
        }

        if (name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal))
        {
            return DetectJsonLines(path);
        }

        var text = Encoding.UTF8.GetString(head, 0, length).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length == 0 ? QuestionFileFormat.FutureSimCsv : text[0] switch
        {
            '[' => QuestionFileFormat.FutureSimJson,
            '{' => DetectJsonLines(path),
            _ => QuestionFileFormat.FutureSimCsv,
        };
    }

    private static QuestionFileFormat DetectJsonLines(string path)
    {
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            if (Utf8Text.Problem(line.Utf8.Span) is not null)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line.Utf8);
                var fields = new RecordFields(document.RootElement);
                return fields.Has("first_question_set") && fields.Has("resolved_to") ? QuestionFileFormat.ForecastBenchJsonLines
                    : fields.Has("open_date") && fields.Has("resolving_item_id") ? QuestionFileFormat.FreeFormJsonLines
                    : QuestionFileFormat.FutureSimJsonLines;
            }
            catch (Exception e) when (e is JsonException or RecordProblemException)
            {
                // The loader reports (or skips) a bad line; the format is told from the first readable one.
            }
        }

        return QuestionFileFormat.FutureSimJsonLines;
    }
}
