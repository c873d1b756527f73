using System.Collections.Immutable;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>
/// What <see cref="ChatCompletionServer"/> does with a request: answer with a status, headers and JSON
/// body after <see cref="Delay"/>, or drop the connection without answering.
/// </summary>
public sealed record ServerReply(int Status, string Body, ImmutableArray<KeyValuePair<string, string>> Headers, TimeSpan Delay, bool Drop)
{
    public static ServerReply Json(string body, TimeSpan delay = default) => new(200, body, [], delay, false);

    /// <summary>An OpenAI-style error body with the given status and extra headers (e.g. Retry-After).</summary>
    public static ServerReply Error(int status, string message, params KeyValuePair<string, string>[] headers) =>
        new(status, System.Text.Json.JsonSerializer.Serialize(new { error = new { message, type = "server_error" } }), [.. headers], TimeSpan.Zero, false);

    public static ServerReply DropConnection() => new(0, "", [], TimeSpan.Zero, true);

    public ServerReply After(TimeSpan delay) => this with { Delay = delay };
}
