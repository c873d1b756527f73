using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Tests.Llm.ModelCalls;

/// <summary>A chat client whose answer is a callback: the small hand-written fake for decorator tests.</summary>
internal sealed class CallbackChatClient(Func<IReadOnlyList<ChatMessage>, ChatResponse> answer) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(answer([.. messages]));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
