using System.CommandLine;
using System.Globalization;
using FutureSim.Cli.Running;
using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using FutureSim.Mcp;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim mcp [run options]</c>: a stdio MCP server whose client is the run's only agent (Claude Code,
/// Codex or any MCP client). <c>next_day</c> advances the simulated clock; the run folder is written as for
/// <c>futuresim run</c>. Standard output carries only MCP protocol; logs go to standard error and the run log.
/// </summary>
internal static class McpCommand
{
    /// <summary>The name the client's agent has in the run.</summary>
    public const string AgentName = "mcp-client";

    public static Command Create()
    {
        var run = new RunOptions();
        var dayTimeout = new Option<string>("--day-timeout")
        {
            Description = "How long the client may take for one simulated day before the day is recorded as timed out (default 01:00:00).",
        };
        var command = new Command("mcp", "Serve a simulation over MCP on stdin/stdout; the connected client is the forecaster and next_day advances the clock.")
        {
            dayTimeout,
        };
        foreach (var option in run.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = run.Overrides(parse);
            var timeout = parse.GetValue(dayTimeout) ?? "01:00:00";
            if (!TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed) || parsed <= TimeSpan.Zero)
            {
                Console.Error.WriteLine($"error: --day-timeout must be a positive duration such as 00:30:00, not '{timeout}'.");
                return Task.FromResult(CommandHost.BadInput);
            }

            overrides["Simulation:AgentDayTimeout"] = timeout;
            run.WarnIgnoredWithResume(parse);
            var request = run.Request(parse) with { Quiet = true, KeepStandardOutputFree = true };
            return CommandHost.RunAsync(parse, overrides, async (host, ct) =>
            {
                var service = host.Service<RunService>();
                var manifest = await McpSimulationServer.RunStdioAsync(
                    async (agent, token) =>
                    {
                        var spec = new AgentSpec { Name = AgentName, Kind = "mcp" };
                        var folder = await service.RunAsync(request with { ProvidedAgents = [new ProvidedAgent(spec, _ => agent)] }, token);
                        return folder.ReadManifest();
                    },
                    host.Service<ILoggerFactory>(),
                    ct);
                return manifest?.Status == RunStatus.Completed ? CommandHost.Success : CommandHost.Failure;
            }, cancellationToken);
        });
        return command;
    }
}
