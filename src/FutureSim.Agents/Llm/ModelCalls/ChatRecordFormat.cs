using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm.ModelCalls;

/// <summary>
/// The canonical JSON of chat messages, options and responses used by recordings, replay keys and
/// conversation snapshots. It keeps what the model sees (roles, text, tool calls with their arguments,
/// tool results) and drops what varies between otherwise identical calls (wall-clock times, raw
/// transport objects, message ids), so that a replay computes the same request key as the recorded
/// run. Content kinds other than text, reasoning text, tool calls and tool results are not used by
/// the agent and are left out on both sides.
/// </summary>
internal static class ChatRecordFormat
{
    private static readonly ConditionalWeakTable<ChatMessage, string> MessageJson = [];
    private static readonly ConditionalWeakTable<ChatOptions, string> OptionsJson = [];

    public static JsonSerializerOptions Json { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>
    /// A request in canonical form: each message's JSON, the options' JSON and the SHA-256 key over both.
    /// The JSON of a message and of an options instance is computed once and remembered for the life of
    /// the object, because a conversation resends the same messages on every call: messages and options
    /// must not be changed after they have been sent (the agent replaces messages, never edits them).
    /// </summary>
    public static CanonicalRequest Request(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var optionsJson = options is null ? Options(null).ToJsonString(Json) : OptionsJson.GetValue(options, o => Options(o).ToJsonString(Json));
        var messageJson = messages.Select(m => MessageJson.GetValue(m, message => Message(message).ToJsonString(Json))).ToImmutableArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(optionsJson));
        foreach (var message in messageJson)
        {
            hash.AppendData("\n"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(message));
        }

        return new CanonicalRequest(Convert.ToHexStringLower(hash.GetHashAndReset()), optionsJson, messageJson, ToolNames(options));
    }

    public static JsonObject Message(ChatMessage message)
    {
        var contents = new JsonArray();
        foreach (var content in message.Contents)
        {
            if (Content(content) is { } node)
            {
                contents.Add(node);
            }
        }

        return new JsonObject { ["role"] = message.Role.Value, ["contents"] = contents };
    }

    public static ChatMessage ReadMessage(JsonNode node)
    {
        var role = new ChatRole(Required(node, "role").GetValue<string>());
        var contents = new List<AIContent>();
        foreach (var content in Required(node, "contents").AsArray())
        {
            if (content?["text"] is { } text)
            {
                contents.Add(new TextContent(text.GetValue<string>()));
            }
            else if (content?["reasoning"] is { } reasoning)
            {
                contents.Add(new TextReasoningContent(reasoning.GetValue<string>()));
            }
            else if (content?["call"] is { } call)
            {
                var arguments = call["arguments"] is JsonObject args
                    ? args.ToDictionary(a => a.Key, a => a.Value is null ? null : (object?)JsonSerializer.SerializeToElement(a.Value, Json))
                    : null;
                var function = new FunctionCallContent(Required(call, "id").GetValue<string>(), Required(call, "name").GetValue<string>(), arguments);
                if (call["error"] is { } error)
                {
                    function.Exception = new InvalidDataException(error.GetValue<string>());
                }

                contents.Add(function);
            }
            else if (content?["result"] is { } result)
            {
                contents.Add(new FunctionResultContent(Required(result, "id").GetValue<string>(), result["output"]?.GetValue<string>() ?? ""));
            }
        }

        return new ChatMessage(role, contents);
    }

    public static JsonObject Response(ChatResponse response)
    {
        var messages = new JsonArray();
        foreach (var message in response.Messages)
        {
            messages.Add(Message(message));
        }

        return new JsonObject
        {
            ["model_id"] = response.ModelId,
            ["response_id"] = response.ResponseId,
            ["finish_reason"] = response.FinishReason?.Value,
            ["usage"] = response.Usage is { } usage
                ? new JsonObject
                {
                    ["input_tokens"] = usage.InputTokenCount,
                    ["output_tokens"] = usage.OutputTokenCount,
                    ["total_tokens"] = usage.TotalTokenCount,
                }
                : null,
            ["messages"] = messages,
        };
    }

    public static ChatResponse ReadResponse(JsonNode node)
    {
        var messages = Required(node, "messages").AsArray().Select(m => ReadMessage(m!)).ToList();
        return new ChatResponse(messages)
        {
            ModelId = node["model_id"]?.GetValue<string>(),
            ResponseId = node["response_id"]?.GetValue<string>(),
            FinishReason = node["finish_reason"] is { } finish ? new ChatFinishReason(finish.GetValue<string>()) : null,
            Usage = node["usage"] is JsonObject usage
                ? new UsageDetails
                {
                    InputTokenCount = usage["input_tokens"]?.GetValue<long>(),
                    OutputTokenCount = usage["output_tokens"]?.GetValue<long>(),
                    TotalTokenCount = usage["total_tokens"]?.GetValue<long>(),
                }
                : null,
        };
    }

    /// <summary>The innermost exception message: how an argument-parsing failure is recorded and reported, stable across live and replayed runs.</summary>
    public static string InnermostMessage(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    private static JsonObject Options(ChatOptions? options)
    {
        var tools = new JsonArray();
        foreach (var tool in options?.Tools ?? [])
        {
            tools.Add(new JsonObject
            {
                ["name"] = tool.Name,
                ["description"] = tool.Description,
                ["schema"] = tool is AIFunctionDeclaration function ? JsonNode.Parse(function.JsonSchema.GetRawText()) : null,
            });
        }

        return new JsonObject
        {
            ["model"] = options?.ModelId,
            ["temperature"] = options?.Temperature,
            ["top_p"] = options?.TopP,
            ["seed"] = options?.Seed,
            ["frequency_penalty"] = options?.FrequencyPenalty,
            ["presence_penalty"] = options?.PresencePenalty,
            ["max_output_tokens"] = options?.MaxOutputTokens,
            ["reasoning_effort"] = options?.Reasoning?.Effort?.ToString(),
            ["tool_mode"] = options?.ToolMode switch
            {
                null => null,
                RequiredChatToolMode required => "required:" + required.RequiredFunctionName,
                NoneChatToolMode => "none",
                _ => "auto",
            },
            ["tools"] = tools,
        };
    }

    private static ImmutableArray<string> ToolNames(ChatOptions? options) => [.. (options?.Tools ?? []).Select(t => t.Name)];

    private static JsonObject? Content(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["text"] = text.Text },
        TextReasoningContent reasoning => new JsonObject { ["reasoning"] = reasoning.Text },
        FunctionCallContent call => new JsonObject
        {
            ["call"] = new JsonObject
            {
                ["id"] = call.CallId,
                ["name"] = call.Name,
                ["arguments"] = call.Arguments is null ? null : Arguments(call.Arguments),
                ["error"] = call.Exception is null ? null : InnermostMessage(call.Exception),
            },
        },
        FunctionResultContent result => new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["id"] = result.CallId,
                ["output"] = result.Result switch
                {
                    null => "",
                    string s => s,
                    var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions),
                },
            },
        },
        _ => null,
    };

    private static JsonObject Arguments(IDictionary<string, object?> arguments)
    {
        var node = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            node[name] = value switch
            {
                null => null,
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                JsonNode json => json.DeepClone(),
                _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions),
            };
        }

        return node;
    }

    private static JsonNode Required(JsonNode node, string name) =>
        node[name] ?? throw new JsonException($"The record has no '{name}'.");
}
