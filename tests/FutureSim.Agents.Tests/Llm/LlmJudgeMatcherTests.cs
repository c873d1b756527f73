using FutureSim.Agents.Llm;
using FutureSim.Benchmarks.ChatServer;
using FutureSim.Core.Questions;

namespace FutureSim.Agents.Tests.Llm;

public sealed class LlmJudgeMatcherTests
{
    private static readonly QuestionResolution Paris = new() { Answer = "Paris", Aliases = ["City of Light"] };

    [Fact]
    public async Task ExactNormalisedAndAliasMatchesNeverAskTheJudge()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(_ => Reply("No"));
        using var matcher = Judge(server, temp.Sub("verdicts.jsonl"));

        Assert.True(await matcher.MatchesAsync("Paris", Paris, CancellationToken.None));
        Assert.True(await matcher.MatchesAsync(" paris. ", Paris, CancellationToken.None));
        Assert.True(await matcher.MatchesAsync("city of light", Paris, CancellationToken.None));
        Assert.False(await matcher.MatchesAsync("", Paris, CancellationToken.None));

        Assert.Empty(server.Requests);
        Assert.Equal(0, matcher.JudgeCalls);
    }

    [Fact]
    public async Task TheJudgeIsAskedOnceAtTemperatureZeroAndItsVerdictIsSharedThroughTheCacheFile()
    {
        using var temp = new TempDirectory();
        var cache = temp.Sub("shared/verdicts.jsonl");
        await using var server = ChatCompletionServer.Start(r => Reply(r.Body.Contains("Forecaster's answer: Paris, France", StringComparison.Ordinal) ? "Yes." : "No"));

        using (var first = Judge(server, cache))
        {
            Assert.True(await first.MatchesAsync("Paris, France", Paris, CancellationToken.None));
            Assert.True(await first.MatchesAsync("paris,  FRANCE", Paris, CancellationToken.None));
            Assert.False(await first.MatchesAsync("Lyon", Paris, CancellationToken.None));
            Assert.Equal(2, first.JudgeCalls);
        }

        using var second = Judge(server, cache);
        Assert.True(await second.MatchesAsync("Paris, France", Paris, CancellationToken.None));
        Assert.False(await second.MatchesAsync("Lyon", Paris, CancellationToken.None));

        Assert.Equal(0, second.JudgeCalls);
        Assert.Equal(2, server.Requests.Count);
        var request = server.Requests[0].Json;
        Assert.Equal(0, request.GetProperty("temperature").GetDouble());
        var rule = request.GetProperty("messages")[0].GetProperty("content").GetString();
        Assert.Contains("within 1% relative error", rule);
        Assert.Contains("A range never matches a single value", rule);
        Assert.Equal(2, File.ReadAllLines(cache).Length);
        Assert.Contains("\"outcome\":\"paris, france\",\"truth\":\"paris\",\"match\":true", File.ReadAllText(cache));
    }

    [Fact]
    public async Task ConcurrentRequestsForOnePairReachTheJudgeOnce()
    {
        using var temp = new TempDirectory();
        await using var server = ChatCompletionServer.Start(_ => Reply("Yes").After(TimeSpan.FromMilliseconds(200)));
        using var matcher = Judge(server, temp.Sub("verdicts.jsonl"));

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => matcher.MatchesAsync("Paris (France)", Paris, CancellationToken.None).AsTask()));

        Assert.All(verdicts, Assert.True);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ACutOffLastLineOfTheCacheIsJudgedAgain()
    {
        using var temp = new TempDirectory();
        var cache = temp.Sub("verdicts.jsonl");
        File.WriteAllText(cache, "{\"outcome\":\"lyon\",\"truth\":\"paris\",\"match\":false,\"judge\":\"j\",\"reply\":\"No\"}\n{\"outcome\":\"marse");
        await using var server = ChatCompletionServer.Start(_ => Reply("No"));
        using var matcher = Judge(server, cache);

        Assert.False(await matcher.MatchesAsync("Lyon", Paris, CancellationToken.None));
        Assert.False(await matcher.MatchesAsync("Marseille", Paris, CancellationToken.None));

        Assert.Equal(1, matcher.JudgeCalls);
    }

    private static LlmJudgeMatcher Judge(ChatCompletionServer server, string cache) =>
        LlmJudgeMatcher.Create(
            new Dictionary<string, string> { ["Endpoint"] = server.Endpoint.ToString(), ["Model"] = "judge", ["RetryBaseDelay"] = "1ms" },
            cache, TimeProvider.System, _ => null);

    private static ServerReply Reply(string text) => ServerReply.Json(ChatCompletionJson.Text("j", "judge", 50, 1, text));
}
