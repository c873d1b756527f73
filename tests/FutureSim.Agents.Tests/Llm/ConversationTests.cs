using FutureSim.Agents.Llm;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.TestKit;
using Microsoft.Extensions.AI;

namespace FutureSim.Agents.Tests.Llm;

public sealed class ConversationTests
{
    [Fact]
    public void TheMorningBriefingAnswersNextDayAndOpenCallsAreClosed()
    {
        var conversation = new Conversation();
        conversation.BeginDay(TestData.Day("2026-01-01"), "rules", "Good morning 1");
        conversation.AddResponse(Calls(("c1", "search_news"), ("c2", "next_day")));
        conversation.AwaitMorning("c2");

        conversation.BeginDay(TestData.Day("2026-01-02"), "rules", "Good morning 2");

        var results = conversation.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId, r => r.Result);
        Assert.Equal(Conversation.NotExecuted, results["c1"]);
        Assert.Equal("Good morning 2", results["c2"]);
        Assert.Equal(ChatRole.Tool, conversation.Messages[^1].Role);
        Assert.Equal([TestData.Day("2026-01-01"), TestData.Day("2026-01-02")], conversation.Days);
    }

    [Fact]
    public void CompactionCutsOldResultsFirstThenDropsOldDaysAndKeepsTheSystemPromptAndToday()
    {
        var conversation = new Conversation();
        for (var day = 1; day <= 4; day++)
        {
            conversation.BeginDay(new DateOnly(2026, 1, day), "rules", $"Good morning {day}");
            conversation.AddResponse(Calls(($"s{day}", "search_news"), ($"n{day}", "next_day")));
            conversation.AddToolResults([new FunctionResultContent($"s{day}", new string('x', 4_000))]);
            conversation.AwaitMorning($"n{day}");
        }

        conversation.BeginDay(new DateOnly(2026, 1, 5), "rules", "Good morning 5");
        var before = conversation.EstimatedTokens();

        Assert.False(conversation.CompactIfNeeded(10_000));
        Assert.True(conversation.CompactIfNeeded(3_000));
        Assert.Equal(5, conversation.Days.Count());

        Assert.True(conversation.EstimatedTokens() < before);
        Assert.Equal("rules", conversation.Messages[0].Text);
        Assert.True(conversation.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().All(r => ((string)r.Result!).Length < 500));
        Assert.Equal(new DateOnly(2026, 1, 5), conversation.Days.Last());
        Assert.Equal("Good morning 5", conversation.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Last().Result);

        Assert.True(conversation.CompactIfNeeded(100));
        Assert.Equal([new DateOnly(2026, 1, 5)], conversation.Days);
        Assert.StartsWith("[Your earlier days, up to 2026-01-04, were removed", conversation.Messages[1].Text);
        Assert.Equal(ChatRole.User, conversation.Messages[2].Role);
        Assert.Equal("Morning briefing:\nGood morning 5", conversation.Messages[2].Text);
        AssertEveryCallIsAnswered(conversation);
    }

    [Fact]
    public void ASavedConversationLoadsBackIdenticallyAndOnlyTheTwoLatestSnapshotsAreKept()
    {
        using var temp = new TempDirectory();
        var conversation = new Conversation();
        for (var day = 1; day <= 3; day++)
        {
            conversation.BeginDay(new DateOnly(2026, 1, day), "rules", $"Good morning {day}");
            conversation.AddResponse(Calls(($"n{day}", "next_day")));
            conversation.AwaitMorning($"n{day}");
            conversation.Save(temp.Path, new DateOnly(2026, 1, day));
        }

        var loaded = Conversation.LoadLatestBefore(temp.Path, new DateOnly(2026, 1, 4))!;

        Assert.Equal(Canonical(conversation), Canonical(loaded));
        Assert.Equal(conversation.EstimatedTokens(), loaded.EstimatedTokens());
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
        Assert.Equal(3, Conversation.LoadLatestBefore(temp.Path, new DateOnly(2026, 1, 3))!.Messages.Count(m => m.Role == ChatRole.Assistant) + 1);
        Assert.Null(Conversation.LoadLatestBefore(temp.Path, new DateOnly(2026, 1, 2)));
    }

    [Fact]
    public void TheSizeIsEstimatedFromTheTokensTheEndpointReported()
    {
        var conversation = new Conversation();
        conversation.BeginDay(TestData.Day("2026-01-01"), "rules", "Good morning");
        var response = Calls(("c1", "list_questions"));
        response.Usage = new UsageDetails { InputTokenCount = 50_000, OutputTokenCount = 20 };

        conversation.AddResponse(response);

        Assert.Equal(50_020, conversation.EstimatedTokens());
        conversation.AddToolResults([new FunctionResultContent("c1", new string('x', 400))]);
        Assert.True(conversation.EstimatedTokens() > 50_020);
        Assert.True(conversation.CompactIfNeeded(40_000));
    }

    private static ChatResponse Calls(params (string Id, string Name)[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls.Select(c => new FunctionCallContent(c.Id, c.Name, new Dictionary<string, object?>()))]));

    private static string Canonical(Conversation conversation) =>
        string.Join("\n", conversation.Messages.Select(m => ChatRecordFormat.Message(m).ToJsonString(ChatRecordFormat.Json)));

    private static void AssertEveryCallIsAnswered(Conversation conversation)
    {
        var answered = conversation.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet();
        Assert.All(conversation.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>(), c => Assert.Contains(c.CallId, answered));
    }
}
