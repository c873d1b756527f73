using System.Collections.Immutable;
using System.Text.Json;
using FutureSim.Core.Tools;
using ModelContextProtocol.Protocol;

namespace FutureSim.Mcp.Tools;

/// <summary>The MCP server's name, its instructions, and the forecasting tools as MCP clients list them.</summary>
internal static class McpToolCatalog
{
    public const string ServerName = "futuresim";

    public const string Instructions =
        "You are a forecaster in a replay of world news, one simulated day at a time. Only news that had arrived by " +
        "the simulated today exists for you. Each day: call list_questions, research with search_news and get_article, " +
        "submit probability forecasts with submit_forecasts (a later submission on the same question replaces the earlier one), " +
        "optionally keep notes with write_notes, then call next_day to end the day. next_day returns the next morning's " +
        "feedback: new articles, questions that resolved with the truth and your score. Maximise your Brier skill score.";

    /// <summary>The tools of <see cref="Core.Tools.ToolCatalog"/> as MCP lists them.</summary>
    public static ImmutableArray<Tool> All { get; } = [.. Core.Tools.ToolCatalog.All.Select(t => Define(t.Name, t.Description, t.InputSchema))];

    private static Tool Define(string name, string description, string schema) => new()
    {
        Name = name,
        Description = description,
        InputSchema = JsonSerializer.Deserialize<JsonElement>(schema),
    };
}
