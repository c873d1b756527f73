using System.CommandLine;
using FutureSim.Cli.Commands;

namespace FutureSim.Cli;

/// <summary>The <c>futuresim</c> command line: one sub-command per verb.</summary>
internal static class CliApp
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("FutureSim: replays dated news to forecasting agents one simulated day at a time and scores them.")
        {
            CommonOptions.Config,
            CommonOptions.SkipInvalid,
            RunCommand.Create(),
            SweepCommand.Create(),
            WorkerCommand.Create(),
            McpCommand.Create(),
            McpRelayCommand.Create(),
            SandboxEntryCommand.Create(),
            IndexCommand.Create(),
            SearchCommand.Create(),
            EvalCommand.Create(),
            BenchCommand.Create(),
            LeaderboardCommand.Create(),
            LeaderboardCommand.CreateScore(),
            ImportCommand.Create(),
            CompareCommand.Create(),
            ExportCommand.Create(),
            ViewCommand.Create(),
            ViewCommand.CreateReport(),
        };
        return root;
    }

    /// <summary>Runs the command line; a command line that does not parse is a bad-input exit naming what is wrong.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRootCommand().Parse(args);
        if (parse.Errors.Count == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            return await parse.InvokeAsync();
        }

        foreach (var error in parse.Errors)
        {
            var option = error.SymbolResult switch
            {
                System.CommandLine.Parsing.OptionResult o => o.Option.Name,
                System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
                _ => null,
            };
            await Console.Error.WriteLineAsync(option is null ? "error: " + error.Message : $"error: {option}: {error.Message}");
        }

        await Console.Error.WriteLineAsync($"Run 'futuresim {parse.CommandResult.Command.Name} --help' for the options.");
        return CommandHost.BadInput;
    }
}
