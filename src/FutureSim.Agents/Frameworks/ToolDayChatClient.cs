using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Tools;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Frameworks;

/// <summary>
/// Sits between a framework's function-invocation loop and the model-call decorators
/// (<see cref="ModelCallStack"/>). It ends the agent's day gracefully: once the day has ended, or a daily
/// model-call, token or wall-time limit is reached, it answers without calling the model, with a reply that
/// calls no tool, so the framework's loop stops and its conversation stays well-formed. It records calls of
/// tools that were never offered (they never reach a tool), so that the event log holds every call, and it
/// sends a framework's <see cref="ChatOptions.Instructions"/> as the leading system message, where the
/// recording and its replay key see them. With a <see cref="ToolNameMap"/>, the model sees the tools under
/// FutureSim's names.
/// </summary>
internal sealed class ToolDayChatClient(IChatClient inner, ToolDay day, ToolNameMap? names = null) : DelegatingChatClient(inner)
{
    private (ChatOptions Given, ChatOptions Sent, ChatMessage System)? lastInstructions;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!day.TryStartModelCall())
        {
            return Ended();
        }

        if (options?.Instructions is { Length: > 0 })
        {
            var (sent, system) = WithoutInstructions(options);
            options = sent;
            messages = messages.Prepend(system);
        }

        var given = options;
        if (names is not null && options is not null)
        {
            options = names.Outgoing(options);
            messages = messages.Select(names.Outgoing);
        }

        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (DayLimitReachedException e)
        {
            day.End(e.Message);
            return Ended();
        }

        RecordCallsOfUnknownTools(response, options);
        if (names is not null && given is not null)
        {
            names.Incoming(response, given);
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Model calls are recorded whole: run the agent without streaming.");

    private ChatResponse Ended() => new(new ChatMessage(ChatRole.Assistant, $"[The day ended: {day.Ending}.]"));

    private (ChatOptions Sent, ChatMessage System) WithoutInstructions(ChatOptions options)
    {
        // The same options instance is usually sent for a whole day: keep its copy, so that the recording's
        // per-instance caches stay warm.
        if (lastInstructions is { } last && ReferenceEquals(last.Given, options))
        {
            return (last.Sent, last.System);
        }

        var sent = options.Clone();
        sent.Instructions = null;
        var system = new ChatMessage(ChatRole.System, options.Instructions);
        lastInstructions = (options, sent, system);
        return (sent, system);
    }

    private void RecordCallsOfUnknownTools(ChatResponse response, ChatOptions? options)
    {
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (options?.Tools?.Any(t => string.Equals(t.Name, call.Name, StringComparison.Ordinal)) != true && !day.HasEnded && day.Tools is IToolCallRecorder recorder)
            {
                var arguments = System.Text.Json.JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), FutureSim.Core.Runs.RunFormat.Json);
                recorder.RecordRefusedCall(call.Name, arguments, ToolCatalog.Unknown(call.Name).Text);
            }
        }
    }
}
