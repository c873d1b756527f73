using System.Text.Json;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm;

/// <summary>
/// The tool surface offered to the model as function declarations (<see cref="ToolCatalog"/>), and the
/// model's calls handed to <see cref="ToolInvoker"/>. <c>next_day</c> is declared here but handled by the
/// agent, because it ends the day.
/// </summary>
internal static class ForecastingToolset
{
    public static IList<AITool> Declarations { get; } = [.. ToolCatalog.All.Select(Declare)];

    /// <summary>Runs one tool call (not <c>next_day</c>) and returns the text the model reads.</summary>
    public static string Invoke(FunctionCallContent call, IForecastingTools tools) => Invoke(call.Name, call.Arguments, call.Exception, tools);

    /// <summary>
    /// Runs one tool call given by name and the arguments a chat client parsed (JSON elements or plain
    /// values), or answers why its arguments could not be read when <paramref name="unreadable"/> is set.
    /// </summary>
    public static string Invoke(string name, IEnumerable<KeyValuePair<string, object?>>? arguments, Exception? unreadable, IForecastingTools tools)
    {
        if (unreadable is not null)
        {
            return ToolInvoker.Unreadable(tools, name, ModelCalls.ChatRecordFormat.InnermostMessage(unreadable)).Text;
        }

        var read = arguments?
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value as JsonElement? ?? JsonSerializer.SerializeToElement(a.Value, a.Value!.GetType()), StringComparer.Ordinal);
        return ToolInvoker.Invoke(tools, name, read).Text;
    }

    private static AITool Declare(ToolSpec spec)
    {
        using var document = JsonDocument.Parse(spec.InputSchema);
        return AIFunctionFactory.CreateDeclaration(spec.Name, spec.Description, document.RootElement.Clone());
    }
}
