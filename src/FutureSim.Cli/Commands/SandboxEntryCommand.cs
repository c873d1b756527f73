using System.CommandLine;
using FutureSim.Mcp.Sandbox;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim sandbox-entry --proxy-port P --proxy-socket PATH</c>: the first process inside a CLI agent's sandbox,
/// started by the host (hidden from help). See <see cref="SandboxEntry"/>.
/// </summary>
internal static class SandboxEntryCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--proxy-port") { Description = "The loopback port that forwards to the host's proxy.", Required = true };
        var socket = new Option<string>("--proxy-socket") { Description = "The Unix socket of the host's proxy.", Required = true };
        var command = new Command(SandboxEntry.VerbName, "Start a CLI agent inside its sandbox (started by the simulation, not by hand).")
        {
            port, socket,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var input = Console.OpenStandardInput();
            return await SandboxEntry.RunAsync(parse.GetValue(port), parse.GetValue(socket)!, input, Console.Error, cancellationToken);
        });
        return command;
    }
}
