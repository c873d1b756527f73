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
            McpCommand.Create(),
            McpRelayCommand.Create(),
            IndexCommand.Create(),
            SearchCommand.Create(),
            BenchCommand.Create(),
            LeaderboardCommand.Create(),
            LeaderboardCommand.CreateScore(),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args) => BuildRootCommand().Parse(args).InvokeAsync();
}
