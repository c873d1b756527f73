namespace FutureSim.Core.Input;

/// <summary>Plain-text files of whitespace-separated fields (TREC qrels and run files): each non-blank line with its 1-based number.</summary>
public static class WhitespaceFields
{
    public static IEnumerable<(long Number, string Line, string[] Fields)> Read(string path)
    {
        var number = 0L;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0)
            {
                yield return (number, line, fields);
            }
        }
    }
}
