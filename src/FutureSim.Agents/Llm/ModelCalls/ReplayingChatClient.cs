using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Answers model calls from a recording (<see cref="ModelCallLog"/>) without any network access: a
/// request is looked up by its canonical key, identical requests are answered in recorded order, and a
/// recorded failure is raised again as the same exception with the same message. A request the
/// recording does not hold throws <see cref="ReplayMismatchException"/>, which fails the agent's day.
/// </summary>
internal sealed class ReplayingChatClient : IChatClient
{
    private readonly string path;
    private readonly ModelCallScope scope;
    private readonly Dictionary<string, Queue<ModelCallEntry>> answers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int calls;

    public ReplayingChatClient(string path, ModelCallScope scope)
    {
        this.path = path;
        this.scope = scope;
        foreach (var entry in ModelCallLog.Read(path))
        {
            if (!answers.TryGetValue(entry.Key, out var queue))
            {
                answers[entry.Key] = queue = new Queue<ModelCallEntry>();
            }

            queue.Enqueue(entry);
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = ChatRecordFormat.Request(messages, options);
        ModelCallEntry? entry;
        lock (gate)
        {
            calls++;
            entry = answers.TryGetValue(request.Key, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }

        if (entry is null)
        {
            throw new ReplayMismatchException(
                $"The recording {path} holds no answer for model call {calls} of this replay (day {scope.Day:yyyy-MM-dd}, request key {request.Key[..16]}). " +
                "The replay diverged from the recorded run: replay with the same questions, corpus, agent settings and system prompt.");
        }

        return entry.Failure switch
        {
            { Kind: RecordedFailure.Endpoint } failure => throw new AgentEndpointException(failure.Message),
            { Kind: RecordedFailure.DayLimit } failure => throw new DayLimitReachedException(failure.Message),
            { } failure => throw new ReplayMismatchException($"The recording {path} holds a failure of unknown kind '{failure.Kind}'."),
            null => Task.FromResult(ChatRecordFormat.ReadResponse(entry.Response ?? throw new ReplayMismatchException($"The recording {path} has a call without response (seq {entry.Seq})."))),
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Replayed model calls are answered whole; streaming is not recorded.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
