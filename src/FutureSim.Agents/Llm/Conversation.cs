using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FutureSim.Agents.Llm.ModelCalls;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Llm;

/// <summary>
/// An <c>llm</c> agent's memory: one conversation across all its days, grouped into days. A day begins
/// with its morning briefing, given as the result of the previous day's <c>next_day</c> call when the
/// model ended its day that way (as in FutureSim), else as a user message. When the conversation's
/// estimated size passes the context budget it is compacted, oldest first: long tool results of earlier
/// days are cut, then whole earlier days are dropped, then long results of today are cut; the system
/// prompt, the briefings that remain and the notes (kept by the harness) survive. Sizes are estimated
/// from the token counts the endpoint reported, so compaction is deterministic and replays identically.
/// </summary>
internal sealed class Conversation
{
    public const string NotExecuted = "Not executed: your day ended before this call ran.";
    private const int KeptResultChars = 300;
    private const string SnapshotPrefix = "conversation-";

    private readonly List<ChatMessage> messages = [];
    private readonly List<DayStart> days = [];
    private string? pendingNextDay;
    private long? anchorTokens;
    private int anchorCount;
    private double tokensPerChar = 0.25;
    private DateOnly? droppedThrough;

    public IReadOnlyList<ChatMessage> Messages => messages;

    /// <summary>The simulated days whose messages are still in the conversation.</summary>
    public IEnumerable<DateOnly> Days => days.Select(d => d.Day);

    /// <summary>Opens <paramref name="day"/> with its briefing; answers any call the previous day left open.</summary>
    public void BeginDay(DateOnly day, string systemPrompt, string briefing)
    {
        if (messages.Count == 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, systemPrompt));
            days.Add(new DayStart(day, messages.Count));
            messages.Add(new ChatMessage(ChatRole.User, AgentPrompt.FirstMorning(briefing)));
            return;
        }

        var open = OpenCalls().Where(id => id != pendingNextDay).ToArray();
        if (open.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.Tool, [.. open.Select(id => new FunctionResultContent(id, NotExecuted))]));
        }

        days.Add(new DayStart(day, messages.Count));
        messages.Add(pendingNextDay is { } call
            ? new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call, briefing)])
            : new ChatMessage(ChatRole.User, briefing));
        pendingNextDay = null;
    }

    public void AddResponse(ChatResponse response)
    {
        messages.AddRange(response.Messages);
        if (response.Usage?.InputTokenCount is { } input)
        {
            anchorTokens = input + (response.Usage.OutputTokenCount ?? 0);
            anchorCount = messages.Count;
            var chars = Chars(messages);
            tokensPerChar = chars > 0 ? (double)anchorTokens.Value / chars : tokensPerChar;
        }
    }

    public void AddToolResults(IReadOnlyList<FunctionResultContent> results) =>
        messages.Add(new ChatMessage(ChatRole.Tool, [.. results]));

    /// <summary>The model called <c>next_day</c>: its result will be the next morning's briefing.</summary>
    public void AwaitMorning(string callId) => pendingNextDay = callId;

    /// <summary>The estimated size of the conversation in tokens: the last reported prompt and reply, plus what was added since.</summary>
    public long EstimatedTokens() => anchorTokens is { } anchored && anchorCount <= messages.Count
        ? anchored + (long)(Chars(messages.Skip(anchorCount)) * tokensPerChar)
        : (long)(Chars(messages) * tokensPerChar);

    /// <summary>Compacts the conversation when it is estimated above <paramref name="budgetTokens"/>, down to three quarters of it if possible. Returns whether anything changed.</summary>
    public bool CompactIfNeeded(int budgetTokens)
    {
        if (EstimatedTokens() <= budgetTokens)
        {
            return false;
        }

        var target = budgetTokens * 3L / 4;
        anchorTokens = null;
        var today = days[^1].Start;
        CutResults(0, today);
        while (EstimatedTokens() > target && days.Count > 1)
        {
            DropOldestDay();
        }

        if (EstimatedTokens() > target)
        {
            CutResults(days[^1].Start + 1, messages.Count - 1);
        }

        return true;
    }

    /// <summary>Saves the conversation as it stands at the end of <paramref name="day"/>, keeping the two latest snapshots.</summary>
    public void Save(string directory, DateOnly day)
    {
        var node = new JsonObject
        {
            ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["pending_next_day"] = pendingNextDay,
            ["anchor_tokens"] = anchorTokens,
            ["anchor_count"] = anchorCount,
            ["tokens_per_char"] = tokensPerChar,
            ["dropped_through"] = droppedThrough?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = new JsonArray([.. days.Select(d => (JsonNode)new JsonObject { ["day"] = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["start"] = d.Start })]),
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)ChatRecordFormat.Message(m))]),
        };
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SnapshotPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(path + ".tmp", node.ToJsonString(ChatRecordFormat.Json));
        File.Move(path + ".tmp", path, overwrite: true);
        foreach (var old in Snapshots(directory).OrderByDescending(s => s.Day).Skip(2))
        {
            File.Delete(old.Path);
        }
    }

    /// <summary>Deletes the snapshots of days after <paramref name="lastCompletedDay"/> (all when null): days a resumed run does again.</summary>
    public static void DiscardAfter(string directory, DateOnly? lastCompletedDay)
    {
        foreach (var snapshot in Snapshots(directory).Where(s => lastCompletedDay is not { } last || s.Day > last).ToArray())
        {
            File.Delete(snapshot.Path);
        }
    }

    /// <summary>The conversation as saved at the end of the latest day before <paramref name="today"/>, for a resumed run; null when there is none.</summary>
    public static Conversation? LoadLatestBefore(string directory, DateOnly today)
    {
        var latest = Snapshots(directory).Where(s => s.Day < today).OrderByDescending(s => s.Day).FirstOrDefault();
        if (latest.Path is null)
        {
            return null;
        }

        var node = JsonNode.Parse(File.ReadAllText(latest.Path)) ?? throw new JsonException($"{latest.Path} is empty.");
        var conversation = new Conversation
        {
            pendingNextDay = node["pending_next_day"]?.GetValue<string>(),
            anchorTokens = node["anchor_tokens"]?.GetValue<long>(),
            anchorCount = node["anchor_count"]?.GetValue<int>() ?? 0,
            tokensPerChar = node["tokens_per_char"]?.GetValue<double>() ?? 0.25,
            droppedThrough = node["dropped_through"] is { } dropped ? ParseDay(dropped.GetValue<string>()) : null,
        };
        conversation.messages.AddRange((node["messages"]?.AsArray() ?? []).Select(m => ChatRecordFormat.ReadMessage(m!)));
        conversation.days.AddRange((node["days"]?.AsArray() ?? []).Select(d => new DayStart(ParseDay(d!["day"]!.GetValue<string>()), d["start"]!.GetValue<int>())));
        return conversation;
    }

    private IEnumerable<string> OpenCalls()
    {
        var answered = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
        return messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).Where(id => !answered.Contains(id));
    }

    /// <summary>Shortens long tool results in messages [from, to), except the briefings that open days.</summary>
    private void CutResults(int from, int to)
    {
        var briefings = days.Select(d => d.Start).ToHashSet();
        for (var i = Math.Max(from, 0); i < Math.Min(to, messages.Count); i++)
        {
            if (messages[i].Role != ChatRole.Tool || briefings.Contains(i))
            {
                continue;
            }

            var contents = messages[i].Contents.Select(c => c is FunctionResultContent { Result: string text } r && text.Length > KeptResultChars
                ? new FunctionResultContent(r.CallId, text[..KeptResultChars] + " … [The rest of this result was removed to save space; call the tool again if you need it.]")
                : c).ToList();
            messages[i] = new ChatMessage(ChatRole.Tool, contents);
        }
    }

    private void DropOldestDay()
    {
        var first = days[0];
        var end = days[1].Start;
        var hadNotice = droppedThrough is not null;
        droppedThrough = first.Day;
        messages.RemoveRange(first.Start, end - first.Start);
        days.RemoveAt(0);
        var shift = end - first.Start;
        for (var i = 0; i < days.Count; i++)
        {
            days[i] = days[i] with { Start = days[i].Start - shift };
        }

        // The new first day may open with the result of a next_day call that was just dropped.
        var opening = days[0].Start;
        if (messages[opening].Role == ChatRole.Tool)
        {
            var briefing = messages[opening].Contents.OfType<FunctionResultContent>().Select(r => r.Result as string).LastOrDefault() ?? "";
            messages[opening] = new ChatMessage(ChatRole.User, "Morning briefing:\n" + briefing);
        }

        // One notice after the system prompt says what is gone.
        var notice = new ChatMessage(ChatRole.User, string.Create(
            CultureInfo.InvariantCulture,
            $"[Your earlier days, up to {droppedThrough:yyyy-MM-dd}, were removed from this conversation to stay within the context budget. Your notes (read_notes) and list_questions hold what you need from them.]"));
        if (hadNotice)
        {
            messages[1] = notice;
        }
        else
        {
            messages.Insert(1, notice);
            for (var i = 0; i < days.Count; i++)
            {
                days[i] = days[i] with { Start = days[i].Start + 1 };
            }
        }
    }

    private static long Chars(IEnumerable<ChatMessage> list) => list.Sum(m => 4 + m.Contents.Sum(c => c switch
    {
        TextContent t => (long)t.Text.Length,
        TextReasoningContent r => r.Text.Length,
        FunctionCallContent call => call.Name.Length + (call.Arguments?.Sum(a => a.Key.Length + (a.Value?.ToString()?.Length ?? 0)) ?? 0),
        FunctionResultContent result => (result.Result as string)?.Length ?? 0,
        _ => 0,
    }));

    private static IEnumerable<(DateOnly Day, string Path)> Snapshots(string directory) =>
        !Directory.Exists(directory) ? []
        : Directory.EnumerateFiles(directory, SnapshotPrefix + "*.json")
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p)[SnapshotPrefix.Length..], Path: p))
            .Where(s => DateOnly.TryParseExact(s.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(s => (ParseDay(s.Name), s.Path));

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
