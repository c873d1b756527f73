using System.Globalization;
using System.Text;
using System.Text.Json;
using FutureSim.Core.Input;
using FutureSim.Core.Runs;

namespace FutureSim.Interop.Verdicts;

/// <summary>
/// A run folder's own judge verdicts, <c>judge-verdicts.jsonl</c>, in the judge verdict cache format: pairs are
/// keyed by a light normalisation (Unicode NFC, lower case, whitespace collapsed) of outcome and truth.
/// </summary>
public static class RunVerdicts
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "judge-verdicts.jsonl";

    /// <summary>The judge name of verdicts inferred from FutureSim's published per-question results.</summary>
    public const string InferredJudge = "inferred:futuresim-official-result";

    /// <summary>The cache key of an answer (the LLM judge's verdict cache uses the same key).</summary>
    public static string Key(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Writes the verdicts, one per line, sorted by key for byte-identical output.</summary>
    public static void Write(string path, IEnumerable<RecordedVerdict> verdicts)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var verdict in verdicts.OrderBy(v => v.QuestionId ?? "", StringComparer.Ordinal).ThenBy(v => v.Truth, StringComparer.Ordinal).ThenBy(v => v.Outcome, StringComparer.Ordinal))
        {
            writer.Write(JsonSerializer.Serialize(verdict with { Outcome = Key(verdict.Outcome), Truth = Key(verdict.Truth) }, RunFormat.Json));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a verdict file; a malformed line names the file and line.</summary>
    public static List<RecordedVerdict> Read(string path)
    {
        var verdicts = new List<RecordedVerdict>();
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            RecordedVerdict verdict;
            try
            {
                verdict = JsonSerializer.Deserialize<RecordedVerdict>(line.Utf8.Span, RunFormat.Json)
                    ?? throw new JsonException("The line is null.");
            }
            catch (JsonException e)
            {
                throw new InvalidInputException(new RecordError(path, line.Number, $"is not a judge verdict: {e.Message}"), "Fix or delete the line.", e);
            }

            verdicts.Add(verdict);
        }

        return verdicts;
    }
}
