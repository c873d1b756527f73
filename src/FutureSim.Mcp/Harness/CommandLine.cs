using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// Splits a configured command line into arguments (POSIX-shell-like quoting: '…' literal, "…" with \" and \\
/// escapes, backslash escapes outside quotes) and fills <c>{placeholder}</c>s inside each argument, so that a
/// substituted value (a prompt with spaces, a path) always stays one argument and is never re-parsed by a shell.
/// </summary>
internal static partial class CommandLine
{
    public static ImmutableArray<string> Split(string commandLine)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var inArgument = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case '\'':
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new ArgumentException($"Unbalanced single quote in command: {commandLine}");
                    }

                    current.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    inArgument = true;
                    break;
                case '"':
                    i++;
                    for (; i < commandLine.Length && commandLine[i] != '"'; i++)
                    {
                        if (commandLine[i] == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\')
                        {
                            i++;
                        }

                        current.Append(commandLine[i]);
                    }

                    if (i >= commandLine.Length)
                    {
                        throw new ArgumentException($"Unbalanced double quote in command: {commandLine}");
                    }

                    inArgument = true;
                    break;
                case '\\' when i + 1 < commandLine.Length:
                    current.Append(commandLine[++i]);
                    inArgument = true;
                    break;
                case ' ' or '\t' or '\n' or '\r':
                    if (inArgument)
                    {
                        arguments.Add(current.ToString());
                        current.Clear();
                        inArgument = false;
                    }

                    break;
                default:
                    current.Append(c);
                    inArgument = true;
                    break;
            }
        }

        if (inArgument)
        {
            arguments.Add(current.ToString());
        }

        return arguments.ToImmutable();
    }

    /// <summary>Replaces every <c>{name}</c> of <paramref name="values"/> inside each argument in one pass (substituted text is not scanned again); other braces are left alone.</summary>
    public static ImmutableArray<string> Fill(ImmutableArray<string> template, IReadOnlyDictionary<string, string> values) =>
        [.. template.Select(argument => Fill(argument, values))];

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
