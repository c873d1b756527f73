using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FutureSim.Core.Tools;

namespace FutureSim.Benchmarks.ChatServer;

/// <summary>
/// A deterministic stand-in for a model, answering chat-completion requests the way a diligent
/// forecaster would, in four model calls a day: (1) on the morning briefing, <c>search_news</c> and
/// <c>list_questions</c>; (2) <c>get_article</c> on the first hit; (3) <c>submit_forecasts</c> on every
/// open question and <c>write_notes</c>; (4) <c>next_day</c> — three when the search finds nothing to read. It reads only the request (the
/// conversation), so any number of agents can share one server; the model name varies the forecasts.
/// </summary>
public static partial class ScriptedForecaster
{
    /// <summary>Sequential model calls per agent and day.</summary>
    public const int CallsPerDay = 4;

    /// <summary>Sequential model calls per agent and day when the morning search finds no article to read.</summary>
    public const int CallsPerDayWithoutArticle = CallsPerDay - 1;

    public static ServerReply Respond(ServedRequest request)
    {
        var messages = request.Json.GetProperty("messages").EnumerateArray().ToArray();
        if (ProtocolError(messages) is { } error)
        {
            return ServerReply.Error(400, error);
        }

        var calls = Decide(request.Model, messages);
        var id = string.Create(CultureInfo.InvariantCulture, $"chatcmpl-{messages.Length}");
        return ServerReply.Json(ChatCompletionJson.ToolCalls(id, request.Model, request.Body.Length / 4, 12 * calls.Count, calls));
    }

    /// <summary>The simulated day a request belongs to: the latest "Today is" of its conversation ("" if none).</summary>
    public static string DayOf(ServedRequest request) => Today([.. request.Json.GetProperty("messages").EnumerateArray()]);

    /// <summary>The calls of the next step, given the conversation so far.</summary>
    public static IReadOnlyList<ScriptedCall> Decide(string model, IReadOnlyList<JsonElement> messages)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"call_{messages.Count}_");
        var latest = LatestResults(messages);
        if (latest.Count == 0 || latest.ContainsKey(ToolNames.NextDay))
        {
            var day = Today(messages);
            return
            [
                new(prefix + "1", ToolNames.SearchNews, JsonSerializer.Serialize(new { query = "election result " + day, max_results = 3 })),
                new(prefix + "2", ToolNames.ListQuestions, "{}"),
            ];
        }

        if (latest.ContainsKey(ToolNames.ListQuestions))
        {
            var article = latest.TryGetValue(ToolNames.SearchNews, out var search) ? ArticleId().Match(search) : Match.Empty;
            if (article.Success)
            {
                return [new(prefix + "1", ToolNames.GetArticle, JsonSerializer.Serialize(new { id = article.Groups[1].Value }))];
            }
        }

        if (latest.ContainsKey(ToolNames.GetArticle) || latest.ContainsKey(ToolNames.ListQuestions))
        {
            var questions = OpenQuestion().Matches(LatestOutput(messages, ToolNames.ListQuestions) ?? "");
            var confidence = 0.4 + ((Math.Abs(StableHash(model)) % 40) / 100.0);
            var calls = questions.Select((q, i) => new ScriptedCall(
                prefix + (i + 1).ToString(CultureInfo.InvariantCulture),
                ToolNames.SubmitForecasts,
                q.Groups[2].Value == "binary"
                    ? JsonSerializer.Serialize(new { question_id = q.Groups[1].Value, outcomes = new Dictionary<string, double> { ["Yes"] = confidence } })
                    : JsonSerializer.Serialize(new { question_id = q.Groups[1].Value, outcomes = new Dictionary<string, double> { ["Alpha"] = confidence, ["Beta"] = Math.Round(0.9 - confidence, 2) } })))
                .ToList();
            calls.Add(new ScriptedCall(prefix + "0", ToolNames.WriteNotes, JsonSerializer.Serialize(new { text = $"Forecast {questions.Count} questions on {Today(messages)}." })));
            return calls;
        }

        return [new(prefix + "1", ToolNames.NextDay, "{}")];
    }

    /// <summary>
    /// What a strict endpoint would reject about the conversation: a tool message that answers no call of
    /// the assistant message before it, or a tool call left unanswered when the conversation moves on.
    /// </summary>
    public static string? ProtocolError(IReadOnlyList<JsonElement> messages)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var role = Role(messages[i]);
            if (role == "tool")
            {
                var id = messages[i].GetProperty("tool_call_id").GetString() ?? "";
                if (!open.Remove(id))
                {
                    return $"messages[{i}]: a tool message answers '{id}', which no preceding assistant message called or which was already answered.";
                }

                continue;
            }

            if (open.Count > 0)
            {
                return $"messages[{i}]: the tool calls {string.Join(", ", open)} must be answered before a {role} message.";
            }

            if (role == "assistant")
            {
                open.UnionWith(ToolCallNames(messages[i]).Keys);
            }
        }

        return null;
    }

    /// <summary>The results of the latest tool calls (after the last assistant message), by tool name.</summary>
    private static Dictionary<string, string> LatestResults(IReadOnlyList<JsonElement> messages)
    {
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var last = messages.Count - 1;
        if (last < 0 || Role(messages[last]) != "tool")
        {
            return results;
        }

        var assistant = last;
        while (assistant >= 0 && Role(messages[assistant]) != "assistant")
        {
            assistant--;
        }

        if (assistant < 0)
        {
            return results;
        }

        var names = ToolCallNames(messages[assistant]);
        for (var i = assistant + 1; i < messages.Count; i++)
        {
            if (Role(messages[i]) == "tool" && names.TryGetValue(messages[i].GetProperty("tool_call_id").GetString() ?? "", out var name))
            {
                results[name] = Content(messages[i]);
            }
        }

        return results;
    }

    private static string? LatestOutput(IReadOnlyList<JsonElement> messages, string tool)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (Role(messages[i]) != "assistant")
            {
                continue;
            }

            var ids = ToolCallNames(messages[i]).Where(p => p.Value == tool).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var output = messages.Skip(i + 1).FirstOrDefault(m => Role(m) == "tool" && ids.Contains(m.GetProperty("tool_call_id").GetString() ?? ""));
            if (output.ValueKind != JsonValueKind.Undefined)
            {
                return Content(output);
            }
        }

        return null;
    }

    private static Dictionary<string, string> ToolCallNames(JsonElement assistant) =>
        assistant.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? calls.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString() ?? "", c => c.GetProperty("function").GetProperty("name").GetString() ?? "", StringComparer.Ordinal)
            : [];

    private static string Today(IReadOnlyList<JsonElement> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var match = TodayIs().Match(Content(messages[i]));
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return "";
    }

    private static string Role(JsonElement message) => message.GetProperty("role").GetString() ?? "";

    private static string Content(JsonElement message) => message.TryGetProperty("content", out var content) ? content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
        _ => "",
    } : "";

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    [GeneratedRegex(@"^id: (\S+) \|", RegexOptions.Multiline)]
    private static partial Regex ArticleId();

    [GeneratedRegex(@"^## (\S+) \((\w+), resolves", RegexOptions.Multiline)]
    private static partial Regex OpenQuestion();

    [GeneratedRegex(@"Today is (\d{4}-\d{2}-\d{2})")]
    private static partial Regex TodayIs();
}
