using System.CommandLine;

namespace FutureSim.Cli.Commands;

/// <summary>Command-line options that choose the corpus, shared by the verbs that read it.</summary>
internal static class CorpusOptionsCli
{
    public static Option<string[]> Corpus() => new("--corpus")
    {
        Description = "News files or FutureSim dated-tree folders (plain or gzip) to use instead of Corpus:Files.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string> Visibility()
    {
        var option = new Option<string>("--visibility") { Description = "When Wikipedia items become visible: strict (first seen, first wording) or lenient (end of their date)." };
        option.AcceptOnlyFromAmong("strict", "lenient");
        return option;
    }

    /// <summary>The configuration overrides the two options stand for.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<string> visibility) =>
        parse.GetValue(visibility) is { } v ? new() { ["Corpus:Visibility"] = v } : [];
}
