using System.Collections.Immutable;
using System.Text.Json;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>One HTTP request received by <see cref="ChatCompletionServer"/>: method, path, headers (names lower-cased), body, and its arrival order.</summary>
public sealed record ServedRequest(int Number, string Method, string Path, ImmutableDictionary<string, string> Headers, string Body, long ReceivedAt)
{
    private readonly Lazy<JsonElement> json = new(() =>
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    });

    /// <summary>The body as JSON (chat-completion requests are JSON objects).</summary>
    public JsonElement Json => json.Value;

    /// <summary>The <c>model</c> of a chat-completion request.</summary>
    public string Model => Json.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "";
}
