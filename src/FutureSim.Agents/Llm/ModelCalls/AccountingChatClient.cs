using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Counts each answered model call and its tokens into the agent's <see cref="UsageLedger"/>, under the current simulated
/// day. A token count below zero (an endpoint's error) counts as zero; the recording keeps what the endpoint said.
/// </summary>
internal sealed class AccountingChatClient(IChatClient inner, UsageLedger ledger, ModelCallScope scope) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        ledger.Add(scope.Day, Math.Max(0, response.Usage?.InputTokenCount ?? 0), Math.Max(0, response.Usage?.OutputTokenCount ?? 0));
        return response;
    }
}
