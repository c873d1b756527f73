using System.Text.Json;
using System.Text.Json.Nodes;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>Bodies of OpenAI <c>chat.completion</c> responses, with usage, as a scripted server sends them.</summary>
public static class ChatCompletionJson
{
    /// <summary>A fixed creation time: scripted answers are deterministic.</summary>
    private const long Created = 1_767_225_600;

    public static string ToolCalls(string id, string model, int promptTokens, int completionTokens, IEnumerable<ScriptedCall> calls)
    {
        var toolCalls = new JsonArray();
        foreach (var call in calls)
        {
            toolCalls.Add(new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            });
        }

        return Completion(id, model, promptTokens, completionTokens, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls }, "tool_calls");
    }

    public static string Text(string id, string model, int promptTokens, int completionTokens, string text) =>
        Completion(id, model, promptTokens, completionTokens, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop");

    private static string Completion(string id, string model, int promptTokens, int completionTokens, JsonObject message, string finishReason) =>
        new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
