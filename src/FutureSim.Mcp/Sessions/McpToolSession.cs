using System.Globalization;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using FutureSim.Mcp.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FutureSim.Mcp.Sessions;

/// <summary>
/// One MCP connection of one agent: lists the forecasting tools and answers each call from the day the
/// hand-off currently lends. It remembers which day the client last acted on, so that a client whose day
/// ran out of time learns it moved on (with the new morning's feedback) instead of silently changing day.
/// Every failure becomes tool error text; nothing of the harness's internals reaches the client.
/// </summary>
internal sealed class McpToolSession(DayHandOff handOff, NextDayMode nextDayMode, ILogger logger)
{
    public const string CompleteText = "The simulation is complete. There are no further days; you may stop.";

    private readonly Lock gate = new();
    private DayLease? seen;
    private bool stopped;

    public McpServerOptions CreateOptions() => new()
    {
        ServerInfo = new Implementation { Name = McpToolCatalog.ServerName, Version = typeof(McpToolSession).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" },
        ServerInstructions = McpToolCatalog.Instructions,
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. McpToolCatalog.All] }),
            CallToolHandler = async (request, cancellationToken) =>
            {
                var reply = await CallAsync(request.Params?.Name ?? "", request.Params?.Arguments, cancellationToken);
                return new CallToolResult { Content = [new TextContentBlock { Text = reply.Text }], IsError = reply.IsError };
            },
        },
    };

    public async Task<ToolReply> CallAsync(string name, IDictionary<string, System.Text.Json.JsonElement>? arguments, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (stopped)
            {
                return ToolCatalog.Names.Contains(name)
                    ? ToolReply.Error("your day is over. Stop now; you will be started again on the next simulated day.")
                    : ToolCatalog.Unknown(name);
            }
        }

        if (name == ToolNames.NextDay)
        {
            return await NextDayAsync(cancellationToken);
        }

        var lease = await handOff.CurrentAsync(cancellationToken);
        if (lease is null)
        {
            return ToolCatalog.Names.Contains(name) ? ToolReply.Ok(handOff.Completion ?? CompleteText) : ToolCatalog.Unknown(name);
        }

        var preface = Acknowledge(lease);
        ToolReply reply;
        try
        {
            // Unknown tools are answered by the invoker too, so that the day's event log records them.
            reply = ToolInvoker.Invoke(lease.Tools, name, arguments?.AsReadOnly());
        }
        catch (DayClosedException)
        {
            // The runner closed the day between our look-up and the call (its time limit ran out).
            reply = ToolReply.Error($"the day {Iso(lease.Tools.Today)} has ended; call next_day to continue.");
        }
        catch (VisibilityBreachException e)
        {
            // The runner stops the run; the client learns nothing of what was about to leak.
            logger.LogCritical("Tool {Tool} met a visibility breach: {Breach}", name, e.Message);
            reply = ToolReply.Error("the harness stopped the simulation because one of its own checks failed; there is nothing more to do. Stop now.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Tool {Tool} failed", name);
            reply = ToolReply.Error("the tool failed unexpectedly; the failure was recorded.");
        }

        return preface is null ? reply : reply with { Text = preface + reply.Text };
    }

    private async Task<ToolReply> NextDayAsync(CancellationToken cancellationToken)
    {
        if (nextDayMode == NextDayMode.EndAndStop)
        {
            var ended = handOff.EndDay();
            lock (gate)
            {
                stopped = true;
            }

            return ToolReply.Ok(handOff.Completion is { } done && ended is null
                ? done
                : $"Your day{(ended is null ? "" : " " + Iso(ended.Tools.Today))} is over. Stop now: you will be started again on the next simulated day with that morning's feedback.");
        }

        var next = await handOff.EndDayAndWaitAsync(cancellationToken);
        if (next is null)
        {
            return ToolReply.Ok(handOff.Completion ?? CompleteText);
        }

        lock (gate)
        {
            seen = next;
        }

        return ToolReply.Ok(ToolText.Render(next.Tools.Briefing));
    }

    /// <summary>Null when the client already knows this day; else the note and morning feedback of a day it missed the start of.</summary>
    private string? Acknowledge(DayLease lease)
    {
        DayLease? previous;
        lock (gate)
        {
            previous = seen;
            if (previous == lease)
            {
                return null;
            }

            seen = lease;
        }

        return previous is null
            ? null
            : $"Note: your day {Iso(previous.Tools.Today)} ended before you called next_day (its time limit ran out); the simulation moved on.\n"
              + ToolText.Render(lease.Tools.Briefing) + "\n---\n";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
