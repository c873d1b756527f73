using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FutureSim.Core.Input;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// Reads <c>model-calls.jsonl</c>, the recording of an agent's model calls. Each line is
/// <c>{"seq", "day", "key", "request": {"options", "prefix", "messages"}, "response" | "failure"}</c>;
/// the full message list of a request is the first <c>prefix</c> messages of the previous line's
/// request followed by this line's <c>messages</c>.
/// </summary>
internal static class ModelCallLog
{
    public const string FileName = FutureSim.Core.Runs.RunFolderLayout.ModelCalls;

    /// <summary>Every recorded call in file order, with its full request messages reconstructed.</summary>
    public static IEnumerable<ModelCallEntry> Read(string path)
    {
        var previous = ImmutableArray<string>.Empty;
        foreach (var line in JsonLinesFile.ReadLines(path))
        {
            ModelCallEntry entry;
            try
            {
                var node = JsonNode.Parse(line.Utf8.Span) ?? throw new JsonException("The line is null.");
                var request = node["request"] ?? throw new JsonException("The line has no request.");
                var prefix = request["prefix"]?.GetValue<int>() ?? 0;
                if (prefix > previous.Length)
                {
                    throw new JsonException($"The request shares {prefix} messages with the previous one, which has only {previous.Length}.");
                }

                var tail = (request["messages"]?.AsArray() ?? []).Select(m => m!.ToJsonString(ChatRecordFormat.Json));
                var messages = previous.Take(prefix).Concat(tail).ToImmutableArray();
                entry = new ModelCallEntry(
                    node["seq"]?.GetValue<int>() ?? 0,
                    DateOnly.ParseExact(node["day"]?.GetValue<string>() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    node["key"]?.GetValue<string>() ?? throw new JsonException("The line has no key."),
                    messages,
                    node["response"]?.DeepClone(),
                    node["failure"] is { } failure
                        ? new RecordedFailure(failure["kind"]?.GetValue<string>() ?? "", failure["message"]?.GetValue<string>() ?? "")
                        : null);
                previous = messages;
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new InvalidInputException(new RecordError(path, line.Number, $"is not a model-call record: {e.Message}"), null, e);
            }

            yield return entry;
        }
    }
}
