using System.Globalization;
using System.Text;
using FutureSim.Core.Input;

namespace FutureSim.Core.Retrieval;

/// <summary>
/// Relevance judgments in TREC qrels format: one judgment per line, <c>topic-id iteration doc-id relevance</c>,
/// separated by whitespace; the iteration column is ignored (trec_eval's convention) and relevance is an
/// integer, positive meaning relevant (its value is the graded gain of nDCG). Blank lines are skipped.
/// A later judgment of the same topic and document replaces an earlier one.
/// </summary>
public sealed class Qrels
{
    private const string Advice = "Each qrels line is 'topic-id 0 doc-id relevance', e.g. 'q1 0 wce-2025-01-03-0001 1'.";

    private readonly Dictionary<string, Dictionary<string, int>> judgments;

    private Qrels(Dictionary<string, Dictionary<string, int>> judgments) => this.judgments = judgments;

    /// <summary>Topics with judgments.</summary>
    public IReadOnlyCollection<string> Topics => judgments.Keys;

    /// <summary>The judgments of a topic (document id → relevance), empty when it has none.</summary>
    public IReadOnlyDictionary<string, int> Of(string topic) =>
        judgments.TryGetValue(topic, out var found) ? found : new Dictionary<string, int>();

    /// <summary>Reads a qrels file; every topic id must be one of <paramref name="knownTopics"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, a line does not parse, or names an unknown topic (file and line are named).</exception>
    public static Qrels Read(string path, IReadOnlySet<string> knownTopics)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new RecordError(path, 0, "no such file"), Advice);
        }

        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (number, line, fields) in WhitespaceFields.Read(path))
        {
            if (fields.Length != 4 || !int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var relevance))
            {
                throw new InvalidInputException(new RecordError(path, number, $"expected 4 fields ending in an integer relevance, found '{line.Trim()}'"), Advice);
            }

            if (!knownTopics.Contains(fields[0]))
            {
                throw new InvalidInputException(new RecordError(path, number, $"unknown topic id '{fields[0]}' (not in the topic file)"), "Judge only topics of the topic file.");
            }

            if (!judgments.TryGetValue(fields[0], out var topic))
            {
                judgments[fields[0]] = topic = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            topic[fields[2]] = relevance;
        }

        return new Qrels(judgments);
    }

    /// <summary>Writes judgments as qrels lines (<c>topic 0 doc relevance</c>), in the order given.</summary>
    public static void Write(string path, IEnumerable<(string Topic, string Document, int Relevance)> lines)
    {
        var text = new StringBuilder();
        foreach (var (topic, document, relevance) in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{topic} 0 {document} {relevance}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
