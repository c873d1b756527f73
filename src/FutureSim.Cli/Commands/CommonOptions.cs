using System.CommandLine;

namespace FutureSim.Cli.Commands;

/// <summary>Options every verb understands.</summary>
internal static class CommonOptions
{
    /// <summary><c>--config &lt;file&gt;</c>: extra JSON configuration layered over appsettings.json (repeatable).</summary>
    public static Option<string[]> Config { get; } = new("--config")
    {
        Description = "Extra JSON configuration file layered over appsettings.json (repeatable; its Agents are added to the configured ones).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--skip-invalid</c>: skip bad records, counting and reporting them, instead of stopping at the first.</summary>
    public static Option<bool> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Skip bad input records (each is reported and counted) instead of stopping at the first.",
        Recursive = true,
    };

    /// <summary>Splits comma-separated values given once or several times: <c>--agents a,b --agents c</c>.</summary>
    public static IReadOnlyList<string>? List(string[]? values) =>
        values is null || values.Length == 0
            ? null
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
