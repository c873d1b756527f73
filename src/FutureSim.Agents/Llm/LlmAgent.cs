using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Simulation;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FutureSim.Agents.Llm;

/// <summary>
/// A forecaster driven by a chat model with function calling. It lives across days: each day it is
/// woken with the morning briefing and works with the tools until the model calls <c>next_day</c>,
/// answers without calling a tool, or a daily limit is reached (tool calls, model calls, tokens, wall
/// time). Everything about the model endpoint — recording, replay, retries, accounting — is in the
/// chat client it is given, so the agent is the same whether it talks to a server or to a recording.
/// At the end of each day it saves its conversation in its folder, so a resumed run continues it; a resume first
/// drops what it recorded for the day the kill cut off (<see cref="DiscardAfter"/>).
/// </summary>
internal sealed class LlmAgent(
    string name,
    LlmAgentSettings settings,
    ModelCallStack stack,
    string agentDirectory,
    ILogger logger,
    Action<string, TimeSpan>? toolCallObserver = null) : IForecastingAgent, IDayRecordingAgent, IDisposable
{
    private readonly ChatOptions options = settings.ChatOptions(ForecastingToolset.Declarations);
    private readonly SemaphoreSlim oneDayAtATime = new(1, 1);
    private readonly IChatClient client = stack.Client;
    private readonly ModelCallScope scope = stack.Scope;
    private readonly UsageLedger usage = stack.Usage;
    private Conversation? conversation;

    public async Task RunDayAsync(IForecastingTools tools, CancellationToken cancellationToken)
    {
        // A day abandoned by the harness (timeout) may still be unwinding; the next one waits for it.
        await oneDayAtATime.WaitAsync(cancellationToken);
        try
        {
            var today = tools.Today;
            conversation ??= Conversation.LoadLatestBefore(agentDirectory, today) ?? new Conversation();
            stack.BeginDay(today);
            conversation.BeginDay(today, settings.SystemPrompt, ToolText.Render(tools.Briefing));
            using var logScope = logger.BeginScope(new Dictionary<string, object> { ["Agent"] = name, ["Day"] = today });
            try
            {
                var ending = await ActAsync(tools, conversation, cancellationToken);
                logger.LogDebug("Agent {Agent} ended {Day}: {Ending}", name, today, ending);
            }
            finally
            {
                usage.Save();
                conversation.Save(agentDirectory, today);
            }
        }
        finally
        {
            oneDayAtATime.Release();
        }
    }

    /// <summary>Drops the model calls, usage and conversation snapshots of days after <paramref name="lastCompletedDay"/>.</summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        stack.DiscardAfter(lastCompletedDay);
        Conversation.DiscardAfter(agentDirectory, lastCompletedDay);
        conversation = null;
    }

    public void Dispose()
    {
        oneDayAtATime.Dispose();
        client.Dispose();
    }

    private async Task<string> ActAsync(IForecastingTools tools, Conversation memory, CancellationToken cancellationToken)
    {
        var toolCalls = 0;
        for (var modelCalls = 0; ; modelCalls++)
        {
            if (settings.MaxModelCallsPerDay > 0 && modelCalls >= settings.MaxModelCallsPerDay)
            {
                return $"model call limit ({settings.MaxModelCallsPerDay}) reached";
            }

            if (settings.MaxTokensPerDay > 0 && usage.TokensOn(tools.Today) >= settings.MaxTokensPerDay)
            {
                return $"token limit ({settings.MaxTokensPerDay}) reached";
            }

            if (memory.CompactIfNeeded(settings.ContextBudgetTokens))
            {
                logger.LogInformation("Agent {Agent} compacted its conversation to about {Tokens} tokens", name, memory.EstimatedTokens());
            }

            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(memory.Messages, options, cancellationToken);
            }
            catch (DayLimitReachedException e)
            {
                return e.Message;
            }

            memory.AddResponse(response);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToArray();
            if (calls.Length == 0)
            {
                return "the model answered without calling a tool";
            }

            var results = new List<FunctionResultContent>(calls.Length);
            string? nextDay = null;
            var limitReached = false;
            foreach (var call in calls)
            {
                if (call.Name == ToolNames.NextDay)
                {
                    if (nextDay is null)
                    {
                        nextDay = call.CallId;
                    }
                    else
                    {
                        results.Add(new FunctionResultContent(call.CallId, "next_day was already called."));
                    }

                    continue;
                }

                if (settings.MaxToolCallsPerDay > 0 && toolCalls >= settings.MaxToolCallsPerDay)
                {
                    results.Add(new FunctionResultContent(call.CallId, $"Not executed: you have used all {settings.MaxToolCallsPerDay} tool calls of today; your day has ended."));
                    limitReached = true;
                    continue;
                }

                toolCalls++;
                var started = scope.TimeProvider.GetTimestamp();
                var text = ForecastingToolset.Invoke(call, tools);
                toolCallObserver?.Invoke(call.Name, scope.TimeProvider.GetElapsedTime(started));
                results.Add(new FunctionResultContent(call.CallId, text));
            }

            if (results.Count > 0)
            {
                memory.AddToolResults(results);
            }

            if (nextDay is not null)
            {
                memory.AwaitMorning(nextDay);
                return "next_day";
            }

            if (limitReached)
            {
                return $"tool call limit ({settings.MaxToolCallsPerDay}) reached";
            }
        }
    }
}
