using System.CommandLine;
using FutureSim.Cli.Running;

namespace FutureSim.Cli.Commands;

/// <summary>The options that say which run to make or continue, shared by <c>run</c> and <c>mcp</c>.</summary>
internal sealed class RunOptions
{
    public Option<string> RunId { get; } = new("--run-id") { Description = "Name of the run folder under runs/ (default: run-YYYYMMDD-HHMMSS-xxxx, the UTC time and four random hex digits)." };

    public Option<string> Start { get; } = new("--start") { Description = "First simulated day, YYYY-MM-DD (default: Simulation:Start)." };

    public Option<string> End { get; } = new("--end") { Description = "Last simulated day, YYYY-MM-DD (default: Simulation:End)." };

    public Option<string[]> Questions { get; } = new("--questions") { Description = "Question files to use instead of Simulation:QuestionSets.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Corpus { get; } = new("--corpus") { Description = "News files or dated-tree folders to use instead of Corpus:Files.", AllowMultipleArgumentsPerToken = true };

    public Option<string> Resume { get; } = new("--resume") { Description = "Continue the killed run with this id from its last completed day (with the settings in its manifest)." };

    public Option<bool> AllowAnyWindow { get; } = new("--allow-any-window")
    {
        Description = "Accept a window that starts before every article and question or ends after them all (the days beyond the data are empty).",
    };

    public IEnumerable<Option> All => [RunId, Start, End, Questions, Corpus, Resume, AllowAnyWindow];

    /// <summary>Configuration overrides the options imply (the simulated calendar); none for a resume, which keeps its own.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Resume) is not null)
        {
            return overrides;
        }

        if (parse.GetValue(Start) is { } start)
        {
            overrides["Simulation:Start"] = start;
        }

        if (parse.GetValue(End) is { } end)
        {
            overrides["Simulation:End"] = end;
        }

        return overrides;
    }

    public RunRequest Request(ParseResult parse) => new()
    {
        RunId = parse.GetValue(RunId),
        QuestionSets = CommonOptions.List(parse.GetValue(Questions)),
        Corpus = CommonOptions.List(parse.GetValue(Corpus)),
        Resume = parse.GetValue(Resume),
        AllowAnyWindow = parse.GetValue(AllowAnyWindow),
    };

    /// <summary>
    /// Says on standard error which of the given options a resume ignores: a resumed run continues with the settings
    /// in its manifest. <paramref name="more"/> are the verb's own options that a resume ignores too.
    /// </summary>
    public void WarnIgnoredWithResume(ParseResult parse, params Option[] more)
    {
        if (parse.GetValue(Resume) is not { } resume)
        {
            return;
        }

        var ignored = new Option[] { RunId, Start, End, Questions, Corpus, AllowAnyWindow }.Concat(more)
            .Where(option => parse.GetResult(option) is { Implicit: false })
            .Select(option => option.Name)
            .ToArray();
        if (ignored.Length > 0)
        {
            Console.Error.WriteLine(
                $"warning: {string.Join(", ", ignored)} {(ignored.Length == 1 ? "is" : "are")} ignored with --resume: run {resume} continues with the settings in its manifest.");
        }
    }
}
