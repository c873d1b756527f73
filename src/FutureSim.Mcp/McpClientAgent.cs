using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;

namespace FutureSim.Mcp;

/// <summary>
/// An agent whose decisions come from an MCP client (Claude Code, Codex or any other). Each simulated day
/// <see cref="RunDayAsync"/> lends the day's tools to the connected client and returns when the client calls
/// <c>next_day</c>; that call then blocks until the runner has stepped and answers with the next morning's
/// feedback. After <see cref="Complete"/> every call answers that the simulation is complete. The client sees
/// the tools through the same <see cref="IForecastingTools"/> as in-process agents, with the same visibility.
/// </summary>
public sealed class McpClientAgent : IForecastingAgent
{
    internal DayHandOff HandOff { get; } = new();

    /// <inheritdoc />
    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken) => HandOff.LendAsync(tools, cancellationToken);

    /// <summary>
    /// Serves one MCP session (newline-delimited JSON-RPC) over <paramref name="input"/> and <paramref name="output"/>
    /// until the client disconnects or <paramref name="cancellationToken"/> fires. Nothing but protocol is written to <paramref name="output"/>.
    /// </summary>
    public Task ServeAsync(Stream input, Stream output, ILoggerFactory? loggerFactory, CancellationToken cancellationToken) =>
        McpSessionHost.ServeAsync(HandOff, NextDayMode.WaitForNextDay, input, output, loggerFactory, cancellationToken);

    /// <summary>Declares that no further day will come; clients waiting in <c>next_day</c> and later calls get <paramref name="message"/>.</summary>
    public void Complete(string message = McpToolSession.CompleteText) => HandOff.Complete(message);
}
