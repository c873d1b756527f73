using Microsoft.SemanticKernel;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Stops Semantic Kernel's automatic function calling once the agent's day has ended (<c>next_day</c> or a
/// limit), after the last call of the model's batch so that every call is answered.
/// </summary>
internal sealed class DayEndingFilter(ToolDay day) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context);
        if (day.HasEnded && context.FunctionSequenceIndex == context.FunctionCount - 1)
        {
            context.Terminate = true;
        }
    }
}
