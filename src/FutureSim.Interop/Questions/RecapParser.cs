using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FutureSim.Interop.Questions;

/// <summary>
/// Reads the "RESULTS SINCE YOUR LAST SESSION" part of a <c>next_day</c> reply: entries
/// <c>- "title"</c> followed by <c>Your prediction distribution: {a: 0.30, b: 0.10} | Truth: X</c> and
/// <c>Brier: +0.39 | …</c>, or <c>- "title" → X</c> for a question the agent never forecast.
/// </summary>
internal static partial class RecapParser
{
    /// <summary>
    /// Every results section in a text, with the days of its header "(from -> to)"; a reply printed as an
    /// escaped JSON string (a saved reply the agent read) is unescaped first.
    /// </summary>
    public static IEnumerable<(DateOnly From, DateOnly To, RecapEntry Entry)> ParseAll(string text)
    {
        if (!text.Contains("\n- \"", StringComparison.Ordinal) && text.Contains("\\n- \\\"", StringComparison.Ordinal))
        {
            text = Unescape(text);
        }

        foreach (Match header in Header().Matches(text))
        {
            var from = DateOnly.ParseExact(header.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact(header.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var entry in Parse(text[header.Index..]))
            {
                yield return (from, to, entry);
            }
        }
    }

    public static ImmutableArray<RecapEntry> Parse(string reply)
    {
        var start = reply.IndexOf("## RESULTS SINCE", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = reply.IndexOf("## YOUR CUMULATIVE", start, StringComparison.Ordinal);
        var section = end < 0 ? reply[start..] : reply[start..end];
        var entries = ImmutableArray.CreateBuilder<RecapEntry>();
        foreach (Match m in Predicted().Matches(section))
        {
            var brier = double.Parse(m.Groups["brier"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            entries.Add(new RecapEntry(m.Groups["title"].Value, Distribution(m.Groups["dist"].Value), m.Groups["truth"].Value.Trim(), new OfficialResult(brier, 2)));
        }

        foreach (Match m in Unpredicted().Matches(section))
        {
            entries.Add(new RecapEntry(m.Groups["title"].Value, null, m.Groups["truth"].Value.Trim(), null));
        }

        return entries.ToImmutable();
    }

    /// <summary>Undoes JSON string escapes (<c>\n</c>, <c>\"</c>, <c>\\</c>, <c>\t</c>, <c>\uXXXX</c>) of a reply printed as JSON.</summary>
    public static string Unescape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses <c>a: 0.30, b: 0.10</c> (names may hold commas; each ends at ": number").</summary>
    public static ImmutableArray<KeyValuePair<string, double>> Distribution(string text)
    {
        var list = ImmutableArray.CreateBuilder<KeyValuePair<string, double>>();
        foreach (Match m in Outcome().Matches(text))
        {
            list.Add(new(m.Groups["name"].Value, double.Parse(m.Groups["p"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return list.ToImmutable();
    }

    [GeneratedRegex(@"## RESULTS SINCE YOUR LAST SESSION \((?<from>\d{4}-\d{2}-\d{2}) -> (?<to>\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex Header();

    [GeneratedRegex(@"^- ""(?<title>.*)""\r?\n\s+Your prediction distribution: \{(?<dist>.*)\} \| Truth: (?<truth>.*)\r?\n\s+Brier: (?<brier>[+-]?\d+(?:\.\d+)?)", RegexOptions.Multiline)]
    private static partial Regex Predicted();

    [GeneratedRegex(@"^- ""(?<title>.*)"" → (?<truth>.*)$", RegexOptions.Multiline)]
    private static partial Regex Unpredicted();

    [GeneratedRegex(@"(?<name>.+?): (?<p>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?:, |$)")]
    private static partial Regex Outcome();
}
