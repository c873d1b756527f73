using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// A list written as text, as list columns (<c>options</c>, <c>aliases</c>) appear in CSV cells:
/// a JSON array (<c>["A", "B"]</c>), a Python list as pandas writes it (<c>['A', 'B']</c>), or a
/// pipe-separated string (<c>A|B</c>). Commas and semicolons never separate items: options contain them.
/// </summary>
internal static class TextList
{
    public static ImmutableArray<string> Parse(string field, string text)
    {
        if (!text.StartsWith('['))
        {
            return [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        return TryParseJson(text, out var items) || TryParsePython(text, out items)
            ? items
            : throw new RecordProblemException(
                $"field '{field}' starts with '[' but is neither a JSON list nor a Python list of strings: '{RecordFields.Shorten(text)}'");
    }

    private static bool TryParseJson(string text, out ImmutableArray<string> items)
    {
        items = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                switch (item.ValueKind)
                {
                    case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                        builder.Add(item.GetString()!.Trim());
                        break;
                    case JsonValueKind.Number:
                        builder.Add(item.GetRawText());
                        break;
                    case JsonValueKind.String or JsonValueKind.Null:
                        break;
                    default:
                        return false;
                }
            }

            items = builder.ToImmutable();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A list of single- or double-quoted strings with backslash escapes, e.g. <c>['A', "B's"]</c>.</summary>
    private static bool TryParsePython(string text, out ImmutableArray<string> items)
    {
        items = [];
        var builder = ImmutableArray.CreateBuilder<string>();
        var i = SkipSpace(text, 1);
        if (i < text.Length && text[i] == ']')
        {
            return SkipSpace(text, i + 1) == text.Length;
        }

        while (i < text.Length)
        {
            var quote = text[i];
            if (quote is not ('\'' or '"'))
            {
                return false;
            }

            var item = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                item.Append(text[i++]);
            }

            if (i == text.Length)
            {
                return false;
            }

            if (item.ToString().Trim() is { Length: > 0 } value)
            {
                builder.Add(value);
            }

            i = SkipSpace(text, i + 1);
            if (i < text.Length && text[i] == ']')
            {
                if (SkipSpace(text, i + 1) != text.Length)
                {
                    return false;
                }

                items = builder.ToImmutable();
                return true;
            }

            if (i == text.Length || text[i] != ',')
            {
                return false;
            }

            i = SkipSpace(text, i + 1);
        }

        return false;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
