using System.Text.Json;
using FutureSim.Core.Simulation;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Records every model call that passes through it in <c>model-calls.jsonl</c> (see
/// <see cref="ModelCallLog"/> for the line format): the request in canonical form with its replay key,
/// and the response, or the failure that ended the call (endpoint down, daily limit), which a replay
/// re-raises. The content is deterministic: no wall-clock time is written. Each message already
/// recorded in the previous request is written only once; a line states how many leading messages it
/// shares with the line before (<c>prefix</c>). Calls must be sequential (one agent, one conversation).
/// </summary>
internal sealed class RecordingChatClient : DelegatingChatClient
{
    private readonly string path;
    private readonly ModelCallScope scope;
    private readonly Lock gate = new();
    private IReadOnlyList<string> previous = [];
    private (string Options, string Recorded) lastOptions = ("", "");
    private int seq;

    public RecordingChatClient(IChatClient inner, string path, ModelCallScope scope)
        : base(inner)
    {
        this.path = path;
        this.scope = scope;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            // A resumed run appends; its first line then carries its messages in full (prefix 0).
            seq = File.ReadLines(path).Count(line => line.Length > 0);
        }
        else
        {
            File.WriteAllBytes(path, []);
        }
    }

    /// <summary>
    /// Cuts the recording after the calls of <paramref name="lastCompletedDay"/> (all of it when null): the calls of a
    /// day cut off by a kill are made again when the day is re-run, and recorded once. A line cut off by the kill goes
    /// too. The next line continues the numbering and the shared-prefix chain as if the run had never stopped.
    /// </summary>
    public void DiscardAfter(DateOnly? lastCompletedDay)
    {
        lock (gate)
        {
            var (keep, kept) = lastCompletedDay is { } last ? KeptLength(path, last) : (0L, 0);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read))
            {
                file.SetLength(keep);
            }

            seq = kept;
            previous = kept == 0 ? [] : ModelCallLog.Read(path).Last().Messages;
            lastOptions = ("", "");
        }
    }

    /// <summary>The length of the leading complete lines recorded on or before <paramref name="last"/>, and their count.</summary>
    private static (long Bytes, int Lines) KeptLength(string path, DateOnly last)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var buffer = new byte[1 << 16];
        Span<byte> head = stackalloc byte[64]; // a line starts {"seq":n,"day":"YYYY-MM-DD"
        var headLength = 0;
        long position = 0, keep = 0;
        var kept = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                position++;
                if (b != (byte)'\n')
                {
                    if (headLength < head.Length)
                    {
                        head[headLength++] = b;
                    }

                    continue;
                }

                if (DayOf(head[..headLength]) is not { } day || day > last)
                {
                    return (keep, kept);
                }

                (keep, kept, headLength) = (position, kept + 1, 0);
            }
        }

        return (keep, kept); // a last line without its newline was cut off by a kill: it goes
    }

    private static DateOnly? DayOf(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("\"day\":\""u8);
        return at >= 0 && head.Length >= at + 17
            && DateOnly.TryParseExact(System.Text.Encoding.ASCII.GetString(head.Slice(at + 7, 10)), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var request = ChatRecordFormat.Request(list, options);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken);
        }
        catch (AgentEndpointException e)
        {
            Append(request, null, new RecordedFailure(RecordedFailure.Endpoint, e.Message));
            throw;
        }
        catch (DayLimitReachedException e)
        {
            Append(request, null, new RecordedFailure(RecordedFailure.DayLimit, e.Message));
            throw;
        }

        Append(request, ChatRecordFormat.Response(response).ToJsonString(ChatRecordFormat.Json), null);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Model calls are recorded whole; streaming responses cannot be recorded or replayed.");

    private void Append(CanonicalRequest request, string? response, RecordedFailure? failure)
    {
        lock (gate)
        {
            var prefix = 0;
            while (prefix < previous.Count && prefix < request.Messages.Length && string.Equals(previous[prefix], request.Messages[prefix], StringComparison.Ordinal))
            {
                prefix++;
            }

            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ChatRecordFormat.Json.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", ++seq);
                writer.WriteString("day", scope.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("key", request.Key);
                writer.WriteStartObject("request");
                writer.WritePropertyName("options");
                if (!ReferenceEquals(lastOptions.Options, request.OptionsJson))
                {
                    lastOptions = (request.OptionsJson, RecordedOptions(request));
                }

                writer.WriteRawValue(lastOptions.Recorded, skipInputValidation: true);
                writer.WriteNumber("prefix", prefix);
                writer.WriteStartArray("messages");
                for (var i = prefix; i < request.Messages.Length; i++)
                {
                    writer.WriteRawValue(request.Messages[i], skipInputValidation: true);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                if (response is not null)
                {
                    writer.WritePropertyName("response");
                    writer.WriteRawValue(response, skipInputValidation: true);
                }

                if (failure is not null)
                {
                    writer.WriteStartObject("failure");
                    writer.WriteString("kind", failure.Kind);
                    writer.WriteString("message", failure.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            }

            previous = request.Messages;
        }
    }

    /// <summary>The options as recorded: tool schemas are long and fixed, so only the tool names are written (the key covers the schemas).</summary>
    private static string RecordedOptions(CanonicalRequest request)
    {
        var options = System.Text.Json.Nodes.JsonNode.Parse(request.OptionsJson)!.AsObject();
        options["tools"] = new System.Text.Json.Nodes.JsonArray([.. request.ToolNames.Select(n => (System.Text.Json.Nodes.JsonNode?)n)]);
        return options.ToJsonString(ChatRecordFormat.Json);
    }
}
