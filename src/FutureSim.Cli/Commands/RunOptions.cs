using System.CommandLine;
using FutureSim.Cli.Running;

namespace FutureSim.Cli.Commands;

/// <summary>The options that say which run to make or continue, shared by <c>run</c> and <c>mcp</c>.</summary>
internal sealed class RunOptions
{
    public Option<string> RunId { get; } = new("--run-id") { Description = "Name of the run folder under runs/ (default: run-<UTC time>)." };

    public Option<string> Start { get; } = new("--start") { Description = "First simulated day, YYYY-MM-DD (default: Simulation:Start)." };

    public Option<string> End { get; } = new("--end") { Description = "Last simulated day, YYYY-MM-DD (default: Simulation:End)." };

    public Option<string[]> Questions { get; } = new("--questions") { Description = "Question files to use instead of Simulation:QuestionSets.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Corpus { get; } = new("--corpus") { Description = "News files or dated-tree folders to use instead of Corpus:Files.", AllowMultipleArgumentsPerToken = true };

    public Option<string> Resume { get; } = new("--resume") { Description = "Continue the killed run with this id from its last completed day." };

    public IEnumerable<Option> All => [RunId, Start, End, Questions, Corpus, Resume];

    /// <summary>Configuration overrides the options imply (the simulated calendar).</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
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
    };
}
