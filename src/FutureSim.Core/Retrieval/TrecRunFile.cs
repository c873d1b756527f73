using System.Globalization;
using System.Text;
using FutureSim.Core.Input;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// TREC run files: one line per retrieved document, <c>topic-id Q0 doc-id rank score tag</c>. trec_eval
/// orders a topic's documents by score (descending, ties broken by document id), not by the rank column, so
/// the score written is <c>n − rank + 1</c> for a topic of n documents: distinct and decreasing, it makes every
/// tool read back exactly our ranking. The ranking's own scores are in the JSON report.
/// </summary>
public static class TrecRunFile
{
    /// <summary>Writes the ranked document ids of each topic, in topic order, tagged <paramref name="tag"/>.</summary>
    public static void Write(string path, string tag, IEnumerable<(string Topic, IReadOnlyList<string> Documents)> rankings)
    {
        var text = new StringBuilder();
        foreach (var (topic, documents) in rankings)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{topic} Q0 {documents[i]} {i + 1} {documents.Count - i} {tag}\n");
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Reads a run file back: each topic's document ids ordered as trec_eval orders them (score descending, then document id descending).</summary>
    /// <exception cref="InvalidInputException">A line does not have six fields with a numeric score.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string path)
    {
        var lines = new List<(string Topic, string Document, double Score)>();
        foreach (var (number, line, fields) in WhitespaceFields.Read(path))
        {
            if (fields.Length != 6 || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new InvalidInputException(new RecordError(path, number, $"expected 'topic Q0 doc rank score tag', found '{line.Trim()}'"));
            }

            lines.Add((fields[0], fields[2], score));
        }

        return lines.GroupBy(l => l.Topic, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. g.OrderByDescending(l => l.Score).ThenByDescending(l => l.Document, StringComparer.Ordinal).Select(l => l.Document)],
            StringComparer.Ordinal);
    }
}
