using FutureSim.Agents.Llm.Judging;
using FutureSim.Agents.Llm.ModelCalls;
using FutureSim.Core.Configuration;
using FutureSim.Core.Questions;
using FutureSim.Core.Scoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FutureSim.Agents.Llm;

/// <summary>
/// Answer matching for free-form questions with a language model as the last resort: exact, then
/// normalised, then aliases (<see cref="NormalisingAnswerMatcher"/>), then a judge model asked at
/// temperature 0 whether the outcome names the same result as the truth under FutureSim's rule (same
/// information as the truth, possibly more specific; numbers within 1 % relative error; a range does
/// not match a point). Verdicts are kept in a JSON Lines cache file that can be shared across runs, so
/// the judge is never asked twice about the same pair. Thread-safe. A judge endpoint that stays down
/// throws <see cref="FutureSim.Core.Simulation.AgentEndpointException"/>.
/// </summary>
public sealed class LlmJudgeMatcher : IAnswerMatcher, IDisposable
{
    /// <summary>The judging instructions given to the judge model.</summary>
    public const string JudgeRule = """
        You check answers to forecasting questions. You are given the true answer to a question and a forecaster's answer.
        Decide whether the forecaster's answer names the same result as the true answer:
        - It matches when it carries the same information as the true answer. It may be more specific (for example the
          full name of the same person, or a city together with its country), but not vaguer and not different.
        - Spelling variants, abbreviations, translations and other names of the same entity match.
        - A number matches when it is within 1% relative error of the true number, in the same unit.
        - A range never matches a single value, and a single value never matches a range.
        Reply with one word: Yes or No.
        """;

    private readonly IChatClient judge;
    private readonly string model;
    private readonly VerdictCache cache;
    private readonly ChatOptions options;
    private readonly IDisposable? owned;
    private int judgeCalls;

    internal LlmJudgeMatcher(IChatClient judge, string model, string cachePath, int maxOutputTokens = 16, IDisposable? owned = null)
    {
        this.judge = judge;
        this.model = model;
        this.owned = owned;
        cache = new VerdictCache(cachePath);
        options = new ChatOptions { ModelId = model, Temperature = 0, MaxOutputTokens = maxOutputTokens };
    }

    /// <summary>How many times this instance asked the judge model.</summary>
    public int JudgeCalls => Volatile.Read(ref judgeCalls);

    /// <summary>How many verdicts the cache holds.</summary>
    public int CachedVerdicts => cache.Count;

    /// <summary>
    /// A matcher judging with the model described by <paramref name="settings"/> (keys <c>Endpoint</c>,
    /// <c>Model</c>, <c>ApiKeyVariable</c>, <c>RequestTimeout</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>,
    /// <c>MaxRetryDelay</c>, <c>MaxOutputTokens</c>), caching verdicts in <paramref name="cachePath"/>.
    /// Throws <see cref="ArgumentException"/> for invalid settings or an unset key variable.
    /// </summary>
    public static LlmJudgeMatcher Create(
        IEnumerable<KeyValuePair<string, string>> settings, string cachePath, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null) =>
        Create(settings, cachePath, timeProvider, Environment.GetEnvironmentVariable, loggerFactory);

    internal static LlmJudgeMatcher Create(
        IEnumerable<KeyValuePair<string, string>> settings, string cachePath, TimeProvider timeProvider, Func<string, string?> environment, ILoggerFactory? loggerFactory = null)
    {
        var reader = new SettingsReader(settings, "the answer judge");
        var connection = ModelEndpointSettings.Read(reader);
        var maxOutputTokens = reader.Integer("MaxOutputTokens", 1, 100_000) ?? 16;
        reader.ThrowIfInvalid();
        var key = connection.ResolveApiKey(environment, "the answer judge");
        var http = OpenAiEndpoint.CreateHttpClient();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LlmJudgeMatcher>();
        return new LlmJudgeMatcher(OpenAiEndpoint.CreateResilient(connection, key, http, timeProvider, logger), connection.Model, cachePath, (int)maxOutputTokens, http);
    }

    public async ValueTask<bool> MatchesAsync(string outcome, QuestionResolution truth, CancellationToken cancellationToken)
    {
        if (NormalisingAnswerMatcher.Matches(outcome, truth))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(outcome) || string.IsNullOrWhiteSpace(truth.Answer))
        {
            return false;
        }

        var verdict = await cache.GetOrJudgeAsync(outcome, truth.Answer, () => AskAsync(outcome, truth.Answer, cancellationToken));
        return verdict.Match;
    }

    public void Dispose()
    {
        judge.Dispose();
        owned?.Dispose();
    }

    private async Task<Verdict> AskAsync(string outcome, string truth, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref judgeCalls);
        ChatMessage[] messages =
        [
            new(ChatRole.System, JudgeRule),
            new(ChatRole.User, $"True answer: {truth}\nForecaster's answer: {outcome}\nDoes the forecaster's answer name the same result?"),
        ];
        var response = await judge.GetResponseAsync(messages, options, cancellationToken);
        var reply = response.Text.Trim();
        var word = new string([.. reply.TrimStart('"', '\'', '*', ' ').TakeWhile(char.IsLetter)]).ToLowerInvariant();
        return new Verdict(outcome, truth, word == "yes", model, reply);
    }
}
