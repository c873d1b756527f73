using System.CommandLine;
using FutureSim.Cli.Reports;
using FutureSim.Cli.Running;

namespace FutureSim.Cli.Commands;

/// <summary><c>futuresim run</c>: replay the corpus to the agents and print the leaderboard.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var run = new RunOptions();
        var agents = new Option<string[]>("--agents") { Description = "Configured agents to run, comma-separated (default: all).", AllowMultipleArgumentsPerToken = true };
        var replay = new Option<string>("--replay") { Description = "Re-execute the run with this id from its recorded model calls, into a new run folder." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (progress is logged instead)." };
        var format = RunReports.FormatOption("md", TerminalLeaderboard.Format);

        var command = new Command("run", "Replay the news day by day to the configured agents, score them and print the leaderboard. With no options: the main job on the bundled data.")
        {
            agents, replay, quiet, format,
        };
        foreach (var option in run.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = run.Overrides(parse);
            var request = run.Request(parse) with
            {
                Agents = CommonOptions.List(parse.GetValue(agents)),
                Replay = parse.GetValue(replay),
                Quiet = parse.GetValue(quiet),
                LeaderboardFormat = parse.GetValue(format) ?? TerminalLeaderboard.DefaultFormat,
            };
            if (request.Resume is not null && request.Replay is not null)
            {
                Console.Error.WriteLine("error: --resume and --replay cannot be combined.");
                return Task.FromResult(CommandHost.BadInput);
            }

            run.WarnIgnoredWithResume(parse, agents);

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
