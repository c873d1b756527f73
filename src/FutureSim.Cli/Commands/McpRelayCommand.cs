using System.CommandLine;
using FutureSim.Mcp;

namespace FutureSim.Cli.Commands;

/// <summary>
/// <c>futuresim mcp-relay --port P --secret-file F</c>: what a CLI agent's MCP configuration launches. It joins the
/// agent's stdio to the running simulation's loopback MCP endpoint as the agent whose secret the file holds.
/// </summary>
internal static class McpRelayCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The loopback port of the running simulation.", Required = true };
        var secretFile = new Option<string>("--secret-file") { Description = "The file holding the agent's secret.", Required = true };
        var command = new Command(McpRelay.VerbName, "Relay stdio MCP to a running simulation as one CLI agent (launched by the agent's harness, not by hand).")
        {
            port, secretFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(secretFile)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"error: --secret-file {path}: the file does not exist.");
                return CommandHost.BadInput;
            }

            await using var input = Console.OpenStandardInput();
            await using var output = Console.OpenStandardOutput();
            return await McpRelay.RunAsync(parse.GetValue(port), McpRelay.ReadSecretFile(path), input, output, Console.Error, cancellationToken);
        });
        return command;
    }
}
