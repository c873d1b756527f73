using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Enforces the daily wall-time limit of an agent: a call made after the limit, or still running
/// when it passes, throws <see cref="DayLimitReachedException"/>, on which the agent ends its day.
/// Sits outside the retries so that waiting to retry also counts.
/// </summary>
internal sealed class DayWallTimeChatClient(IChatClient inner, ModelCallScope scope, TimeSpan limit) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var remaining = limit - scope.Elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw Reached();
        }

        using var deadline = new CancellationTokenSource(remaining, scope.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await base.GetResponseAsync(messages, options, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Reached();
        }
    }

    private DayLimitReachedException Reached() =>
        new($"The daily wall-time limit of {limit:c} was reached; the day ended.");
}
