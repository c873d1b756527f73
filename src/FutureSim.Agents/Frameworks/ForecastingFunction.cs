using System.Text.Json;
using FutureSim.Agents.Llm;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// One tool of the <see cref="ToolCatalog"/> as a Microsoft.Extensions.AI <see cref="AIFunction"/> (and, through
/// Semantic Kernel's adapter, a <c>KernelFunction</c>): the catalog's name, description and JSON schema, and a
/// call that goes through the same argument reading, validation, errors and recording as the function-calling
/// adapter of <c>llm</c> agents (<see cref="ForecastingToolset"/>). <c>next_day</c> ends the day; so does the
/// daily tool-call limit. When the day has ended, the last call of the model's batch asks the framework's
/// function-invocation loop to stop, so that no call of the batch is left unanswered.
/// </summary>
internal sealed class ForecastingFunction : AIFunction
{
    public const string DayEnded = "Your day has ended. Tomorrow's briefing will come when the simulation has moved to the next day.";

    private readonly ToolSpec spec;
    private readonly ToolDay day;
    private readonly Action<string, TimeSpan>? observer;
    private readonly JsonElement schema;

    public ForecastingFunction(ToolSpec spec, ToolDay day, Action<string, TimeSpan>? observer)
    {
        this.spec = spec;
        this.day = day;
        this.observer = observer;
        using var document = JsonDocument.Parse(spec.InputSchema);
        schema = document.RootElement.Clone();
    }

    public override string Name => spec.Name;

    public override string Description => spec.Description;

    public override JsonElement JsonSchema => schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = FunctionInvokingChatClient.CurrentContext;
        var text = Run(arguments, context?.CallContent);
        if (day.HasEnded && context is not null && context.FunctionCallIndex == context.FunctionCount - 1)
        {
            context.Terminate = true;
        }

        return new ValueTask<object?>(text);
    }

    private string Run(AIFunctionArguments arguments, FunctionCallContent? call)
    {
        if (day.HasEnded)
        {
            return $"Not executed: your day has ended ({day.Ending}).";
        }

        if (spec.Name == ToolNames.NextDay)
        {
            day.End(ToolNames.NextDay);
            return DayEnded;
        }

        if (!day.TryStartToolCall())
        {
            return $"Not executed: you have used all {day.Limits.MaxToolCallsPerDay} tool calls of today; your day has ended.";
        }

        var tools = day.Tools;
        if (observer is null)
        {
            return ForecastingToolset.Invoke(spec.Name, arguments, call?.Exception, tools);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var text = ForecastingToolset.Invoke(spec.Name, arguments, call?.Exception, tools);
        observer(spec.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return text;
    }
}
