using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FutureSim.Core.Articles;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Sessions;
using Microsoft.Extensions.Logging;

namespace FutureSim.Mcp.Harness;

/// <summary>
/// A native agent harness (Claude Code, Codex …) as a forecaster. Each day it refreshes the agent's workspace,
/// lends the day's tools to the agent's MCP binding, and launches the configured command unless a process of an
/// earlier day is still alive (<see cref="ChildLifetime.Run"/>). The day ends when the process calls
/// <c>next_day</c>, exits, or the runner's per-day time limit fires (the process is then killed). A process that
/// exits with a non-zero code fails that day only; the next day starts a new one. The <see cref="IAgentLauncher"/>
/// decides where the process runs (its sandbox, or directly) and how the workspace looks from inside.
/// </summary>
internal sealed class CliHarnessAgent(
    string name, CliHarnessSettings settings, AgentWorkspace workspace, IAgentLauncher launcher, ITimeGatedCorpus corpus, DayHandOff handOff,
    ILogger logger)
    : IForecastingAgent, IAsyncDisposable
{
    // One day at a time: a timed-out day may still be stopping its process when the runner starts the next one.
    private readonly SemaphoreSlim turn = new(1, 1);
    private ChildProcess? child;

    public async Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            await RunTurnAsync(tools, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task RunTurnAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        var day = tools.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        workspace.Refresh(tools, corpus.At(SimulatedTime.EndOf(tools.Today)), settings.ArticleHistoryDays);
        var lease = handOff.Lend(tools);
        try
        {
            if (child is null || child.HasExited)
            {
                if (child is not null)
                {
                    await child.DisposeAsync();
                }

                child = await launcher.LaunchAsync(Command(tools, day), Path.Combine(workspace.Logs, day), cancellationToken);
                logger.LogInformation("Started agent {Agent} for {Day}", name, day);
            }

            var running = child;
            await Task.WhenAny(lease.Ended, running.Exited).WaitAsync(cancellationToken);
            if (lease.Ended.IsCompleted)
            {
                if (settings.Lifetime == ChildLifetime.Day)
                {
                    await running.StopAsync(settings.ExitGrace);
                }

                return;
            }

            if (running.ExitCode != 0)
            {
                throw new CliHarnessException(
                    $"The agent's process exited with code {running.ExitCode} before calling next_day (logs: {running.StderrPath}).");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Agent {Agent} ran out of time on {Day}; stopping its process", name, day);
            await StopChildAsync();
            throw;
        }
        finally
        {
            handOff.Withdraw(lease);
        }
    }

    /// <summary>Tells a waiting process that the simulation is complete, gives it the grace period to exit, then stops it.</summary>
    public async ValueTask DisposeAsync()
    {
        handOff.Complete(McpToolSession.CompleteText);
        await turn.WaitAsync();
        try
        {
            if (child is { } running)
            {
                await running.StopAsync(settings.ExitGrace);
                await running.DisposeAsync();
                child = null;
            }

            await launcher.DisposeAsync();
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task StopChildAsync()
    {
        if (child is { } running)
        {
            child = null;
            await running.DisposeAsync();
        }
    }

    private ImmutableArray<string> Command(IForecastingTools tools, string day)
    {
        var prompt = CommandLine.Fill(settings.Prompt, new Dictionary<string, string>
        {
            ["date"] = day,
            ["agent"] = name,
            ["briefing"] = ToolText.Render(tools.Briefing),
        });
        return CommandLine.Fill(settings.Command, new Dictionary<string, string>
        {
            ["prompt"] = prompt,
            ["mcp_config"] = launcher.McpConfig,
            ["workspace"] = launcher.Workspace,
            ["date"] = day,
            ["agent"] = name,
            ["relay_command"] = launcher.Relay[0],
            ["relay_args_json"] = JsonSerializer.Serialize(launcher.Relay[1..]),
        });
    }
}
