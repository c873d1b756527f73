using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FutureSim.Corpus.Questions;

/// <summary>
/// Turns HTML fragments (ForecastBench backgrounds) into plain text: comments, scripts and styles removed,
/// tags stripped (block-level tags become a space, inline ones nothing, so words neither join nor split),
/// entities decoded, runs of whitespace collapsed to one space. Plain text passes through with its
/// whitespace collapsed; a '&lt;' not followed by a letter, '/' or '!' is text, not a tag.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u",
    };

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withoutTags = Tag().Replace(Hidden().Replace(html, " "), m => InlineTags.Contains(m.Groups["name"].Value) ? "" : " ");
        return CollapseWhitespace(WebUtility.HtmlDecode(withoutTags));
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<!--.*?-->|<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*>|<![^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
