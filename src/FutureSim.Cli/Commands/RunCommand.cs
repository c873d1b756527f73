using System.CommandLine;
using FutureSim.Cli.Running;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim run</c>: replay the corpus to the agents and print the leaderboard.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var runId = new Option<string>("--run-id") { Description = "Name of the run folder under runs/ (default: run-<UTC time>)." };
        var agents = new Option<string[]>("--agents") { Description = "Configured agents to run, comma-separated (default: all).", AllowMultipleArgumentsPerToken = true };
        var start = new Option<string>("--start") { Description = "First simulated day, YYYY-MM-DD (default: Simulation:Start)." };
        var end = new Option<string>("--end") { Description = "Last simulated day, YYYY-MM-DD (default: Simulation:End)." };
        var questions = new Option<string[]>("--questions") { Description = "Question files to use instead of Simulation:QuestionSets.", AllowMultipleArgumentsPerToken = true };
        var corpus = new Option<string[]>("--corpus") { Description = "News files or dated-tree folders to use instead of Corpus:Files.", AllowMultipleArgumentsPerToken = true };
        var resume = new Option<string>("--resume") { Description = "Continue the killed run with this id from its last completed day." };
        var replay = new Option<string>("--replay") { Description = "Re-execute the run with this id from its recorded model calls, into a new run folder." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (progress is logged instead)." };

        var command = new Command("run", "Replay the news day by day to the configured agents, score them and print the leaderboard. With no options: the main job on the bundled data.")
        {
            runId, agents, start, end, questions, corpus, resume, replay, quiet,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(start) is { } s)
            {
                overrides["Simulation:Start"] = s;
            }

            if (parse.GetValue(end) is { } e)
            {
                overrides["Simulation:End"] = e;
            }

            var request = new RunRequest
            {
                RunId = parse.GetValue(runId),
                Agents = CommonOptions.List(parse.GetValue(agents)),
                QuestionSets = CommonOptions.List(parse.GetValue(questions)),
                Corpus = CommonOptions.List(parse.GetValue(corpus)),
                Resume = parse.GetValue(resume),
                Replay = parse.GetValue(replay),
                Quiet = parse.GetValue(quiet),
            };
            if (request.Resume is not null && request.Replay is not null)
            {
                Console.Error.WriteLine("error: --resume and --replay cannot be combined.");
                return Task.FromResult(CommandHost.BadInput);
            }

            return CommandHost.RunAsync(parse, overrides, async (host, ct) =>
            {
                var service = host.Service<RunService>();
                await service.RunAsync(request, ct);
                return CommandHost.Success;
            }, cancellationToken);
        });
        return command;
    }
}
