using System.Collections.Immutable;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// What a reader of a run sees of one recorded model call (<c>model-calls.jsonl</c>): when it was made, the
/// tokens the endpoint reported, what the model answered (its text and the tools it called) or why no answer came.
/// </summary>
public sealed record RecordedModelCall
{
    /// <summary>The call's position in the agent's recording (1-based).</summary>
    public required int Seq { get; init; }

    public required DateOnly Day { get; init; }

    public string? ModelId { get; init; }

    public string? FinishReason { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    /// <summary>The request's messages past the length of the previous request: the turns added since then (canonical JSON, one per message).</summary>
    public ImmutableArray<string> NewMessages { get; init; } = [];

    /// <summary>The text the model answered (reasoning excluded), joined.</summary>
    public string Reply { get; init; } = "";

    /// <summary>The tool calls the model asked for: name and arguments (JSON).</summary>
    public ImmutableArray<(string Name, string Arguments)> ToolCalls { get; init; } = [];

    /// <summary><c>endpoint</c> or <c>day_limit</c> when the call got no answer, else null.</summary>
    public string? FailureKind { get; init; }

    public string? FailureMessage { get; init; }

    /// <summary>
    /// Every call recorded in <paramref name="path"/> (a <c>model-calls.jsonl</c>), in file order.
    /// </summary>
    /// <exception cref="Core.Input.InvalidInputException">A line is not a model-call record; the message names the file and line.</exception>
    public static IEnumerable<RecordedModelCall> Read(string path)
    {
        var previous = 0;
        foreach (var entry in ModelCallLog.Read(path))
        {
            var shared = Math.Min(previous, entry.Messages.Length);
            previous = entry.Messages.Length;
            var usage = entry.Response?["usage"];
            var reply = new List<string>();
            var calls = ImmutableArray.CreateBuilder<(string, string)>();
            foreach (var message in entry.Response?["messages"]?.AsArray() ?? [])
            {
                foreach (var content in message?["contents"]?.AsArray() ?? [])
                {
                    if (content?["text"] is { } text)
                    {
                        reply.Add(text.GetValue<string>());
                    }
                    else if (content?["call"] is { } call)
                    {
                        calls.Add((call["name"]?.GetValue<string>() ?? "", call["arguments"]?.ToJsonString(ChatRecordFormat.Json) ?? "{}"));
                    }
                }
            }

            yield return new RecordedModelCall
            {
                Seq = entry.Seq,
                Day = entry.Day,
                ModelId = entry.Response?["model_id"]?.GetValue<string>(),
                FinishReason = entry.Response?["finish_reason"]?.GetValue<string>(),
                InputTokens = usage?["input_tokens"]?.GetValue<long?>(),
                OutputTokens = usage?["output_tokens"]?.GetValue<long?>(),
                NewMessages = entry.Messages[shared..],
                Reply = string.Join("\n", reply),
                ToolCalls = calls.ToImmutable(),
                FailureKind = entry.Failure?.Kind,
                FailureMessage = entry.Failure?.Message,
            };
        }
    }
}
