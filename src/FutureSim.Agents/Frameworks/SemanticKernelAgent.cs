using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// A forecaster that is a Semantic Kernel <see cref="Kernel"/>: each simulated day it renders the day's prompt
/// template (Semantic Kernel syntax, with <c>{{$briefing}}</c>, <c>{{$today}}</c>, <c>{{$agent_name}}</c>) into a
/// chat that starts with the system prompt, and lets the kernel's chat completion service work with automatic
/// function calling until the model calls <c>next_day</c>, answers without a tool call, or a daily limit is
/// reached. The kernel holds the <c>futuresim</c> plugin of the day's tools beside its own plugins, and its own
/// filters run. A day's chat starts afresh: what the agent keeps across days is in its notes and in
/// <c>list_questions</c>, so a resumed run is exactly an uninterrupted one.
/// </summary>
internal sealed class SemanticKernelAgent : IForecastingAgent, IDayRecordingAgent, IDisposable
{
    private readonly string name;
    private readonly Kernel kernel;
    private readonly PromptExecutionSettings execution;
    private readonly string systemPrompt;
    private readonly IPromptTemplate dayPrompt;
    private readonly FrameworkDays days;

    /// <summary>
    /// Wraps <paramref name="kernel"/>: a clone of it gets the <c>futuresim</c> plugin of <paramref name="day"/>'s
    /// tools and a filter that stops automatic function calling when the day ends; the kernel given is not changed.
    /// </summary>
    public SemanticKernelAgent(
        string name, Kernel kernel, PromptExecutionSettings? execution, string systemPrompt, string promptTemplate,
        ToolDay day, ModelCallStack? stack, ILogger logger, Action<string, TimeSpan>? toolCallObserver = null)
    {
        this.name = name;
        this.kernel = kernel.Clone();
        this.kernel.Plugins.Add(ForecastingFunctions.Plugin(ForecastingFunctions.Create(day, toolCallObserver)));
        this.kernel.AutoFunctionInvocationFilters.Add(new DayEndingFilter(day));
        this.execution = execution ?? new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        this.systemPrompt = systemPrompt;
        days = new FrameworkDays(name, day, stack, logger);

        // The template's values are plain text for a user message, not chat markup.
        dayPrompt = new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(promptTemplate) { AllowDangerouslySetContent = true });
    }

    public void DiscardAfter(DateOnly? lastCompletedDay) => days.DiscardAfter(lastCompletedDay);

    public Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken) => days.RunAsync(tools, async () =>
    {
        var briefing = ToolText.Render(tools.Briefing);
        var arguments = new KernelArguments
        {
            ["briefing"] = tools.Briefing.PreviousDay is null ? AgentPrompt.FirstMorning(briefing) : briefing,
            ["today"] = tools.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["agent_name"] = name,
        };
        var history = new ChatHistory(systemPrompt);
        history.AddUserMessage(await dayPrompt.RenderAsync(kernel, arguments, cancellationToken));
        var service = kernel.GetRequiredService<IChatCompletionService>();
        await service.GetChatMessageContentsAsync(history, execution, kernel, cancellationToken);
    }, cancellationToken);

    public void Dispose() => days.Dispose();
}
