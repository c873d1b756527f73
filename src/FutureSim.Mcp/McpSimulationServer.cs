using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Mcp;

/// <summary>
/// Single-agent mode (<c>futuresim mcp</c>): an MCP server whose one agent is the connected client. It runs a
/// whole simulation with an <see cref="McpClientAgent"/> while serving the client: <c>next_day</c> advances the
/// clock, the run folder is written exactly as for any run, and once the last day is done <c>next_day</c>
/// answers that the simulation is complete. The server keeps answering until the client disconnects.
/// </summary>
public static class McpSimulationServer
{
    /// <summary>
    /// Serves over this process's stdin/stdout. Nothing but MCP protocol may be written to stdout meanwhile:
    /// the caller must send its logs to stderr or a file.
    /// </summary>
    /// <inheritdoc cref="RunAsync"/>
    public static async Task<RunManifest?> RunStdioAsync(
        Func<IForecastingAgent, CancellationToken, Task<RunManifest>> runSimulationAsync, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        return await RunAsync(input, output, runSimulationAsync, loggerFactory, cancellationToken);
    }

    /// <summary>
    /// Runs the simulation that <paramref name="runSimulationAsync"/> starts (it must register the given agent as
    /// the run's only agent and run it, e.g. with <see cref="SimulationRunner.RunAsync"/>) while serving one MCP client
    /// over <paramref name="input"/> and <paramref name="output"/>.
    /// </summary>
    /// <returns>
    /// The completed run's manifest once the simulation has finished and the client has disconnected; null when the
    /// client disconnected (or <paramref name="cancellationToken"/> fired) before the end, in which case the simulation
    /// was cancelled and its run folder can be resumed. A simulation failure is rethrown once the client has disconnected.
    /// </returns>
    public static async Task<RunManifest?> RunAsync(
        Stream input, Stream output, Func<IForecastingAgent, CancellationToken, Task<RunManifest>> runSimulationAsync,
        ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(typeof(McpSimulationServer));
        var agent = new McpClientAgent();
        using var stopSimulation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var simulation = RunSimulationAsync(agent, runSimulationAsync, logger, stopSimulation.Token);
        await agent.ServeAsync(input, output, loggerFactory, cancellationToken);

        if (!simulation.IsCompleted)
        {
            logger.LogWarning("The MCP client disconnected before the simulation ended; stopping it (the run can be resumed)");
            await stopSimulation.CancelAsync();
        }

        try
        {
            return await simulation;
        }
        catch (OperationCanceledException) when (stopSimulation.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<RunManifest> RunSimulationAsync(
        McpClientAgent agent, Func<IForecastingAgent, CancellationToken, Task<RunManifest>> runSimulationAsync, ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            // Yield so that the server starts listening before the simulation does any work.
            await Task.Yield();
            var manifest = await runSimulationAsync(agent, cancellationToken);
            logger.LogInformation("Simulation {RunId} completed", manifest.RunId);
            agent.Complete();
            return manifest;
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "The simulation stopped with an error");
            }

            agent.Complete("The simulation stopped because of a harness error; there are no further days. You may stop.");
            throw;
        }
    }
}
