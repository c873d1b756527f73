using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FutureSim.Core.Input;

namespace FutureSim.Core.Runs;

/// <summary>
/// <c>usage.csv</c> in a model-driven agent's folder (<c>&lt;run&gt;/agents/&lt;agent&gt;/usage.csv</c>): one
/// row per simulated day the agent acted on, in day order, with the header
/// <c>day,calls,input_tokens,output_tokens,cost</c>; cost in US dollars with six decimals. The content
/// depends only on the model responses, so a replayed run writes the same bytes.
/// </summary>
public static class ModelUsageFile
{
    public const string FileName = RunFolderLayout.ModelUsage;
    public const string Header = "day,calls,input_tokens,output_tokens,cost";

    /// <summary>The rows of one usage file.</summary>
    public static ImmutableArray<ModelUsage> Read(string path)
    {
        var rows = ImmutableArray.CreateBuilder<ModelUsage>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 || line.Length == 0)
            {
                if (number == 1 && line != Header)
                {
                    throw new InvalidInputException(new RecordError(path, 1, $"is not a usage header; expected '{Header}'."));
                }

                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 5
                || !DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var calls)
                || !long.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var input)
                || !long.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var output)
                || !double.TryParse(cells[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost))
            {
                throw new InvalidInputException(new RecordError(path, number, "is not a usage row (day,calls,input_tokens,output_tokens,cost)."));
            }

            rows.Add(new ModelUsage(day, calls, input, output, cost));
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// The usage of every agent of a run that has a usage file, by agent name (ordinal order): reads
    /// <c>&lt;runDirectory&gt;/agents/*/usage.csv</c>. For the leaderboard's cost columns.
    /// </summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>> ReadRun(string runDirectory)
    {
        var agents = Path.Combine(runDirectory, RunFolderLayout.Agents);
        if (!Directory.Exists(agents))
        {
            return ImmutableSortedDictionary<string, ImmutableArray<ModelUsage>>.Empty.WithComparers(StringComparer.Ordinal);
        }

        return Directory.EnumerateDirectories(agents)
            .Where(d => File.Exists(Path.Combine(d, FileName)))
            .ToImmutableSortedDictionary(d => Path.GetFileName(d), d => Read(Path.Combine(d, FileName)), StringComparer.Ordinal);
    }

    public static void Write(string path, IEnumerable<ModelUsage> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows.OrderBy(r => r.Day))
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Day:yyyy-MM-dd},{row.Calls},{row.InputTokens},{row.OutputTokens},{row.Cost:0.000000}\n");
        }

        var temporary = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
