using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using FutureSim.Mcp;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim mcp-relay --port P --secret-file F</c> (or <c>--socket PATH</c>, inside a sandbox): what a CLI agent's
/// MCP configuration launches. It joins the agent's stdio to the running simulation's MCP endpoint as the agent whose
/// secret the file holds.
/// </summary>
internal static class McpRelayCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "The loopback port of the running simulation." };
        var socket = new Option<string>("--socket") { Description = "The Unix socket of the running simulation (inside an agent's sandbox)." };
        var secretFile = new Option<string>("--secret-file") { Description = "The file holding the agent's secret.", Required = true };
        var command = new Command(McpRelay.VerbName, "Relay stdio MCP to a running simulation as one CLI agent (launched by the agent's harness, not by hand).")
        {
            port, socket, secretFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(secretFile)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"error: --secret-file {path}: the file does not exist.");
                return CommandHost.BadInput;
            }

            EndPoint host;
            switch (parse.GetValue(port), parse.GetValue(socket))
            {
                case ({ } number, null):
                    host = new IPEndPoint(IPAddress.Loopback, number);
                    break;
                case (null, { Length: > 0 } unix):
                    host = new UnixDomainSocketEndPoint(unix);
                    break;
                default:
                    await Console.Error.WriteLineAsync("error: give either --port or --socket.");
                    return CommandHost.BadInput;
            }

            await using var input = Console.OpenStandardInput();
            await using var output = Console.OpenStandardOutput();
            return await McpRelay.RunAsync(host, McpRelay.ReadSecretFile(path), input, output, Console.Error, cancellationToken);
        });
        return command;
    }
}
