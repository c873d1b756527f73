using FutureSim.Agents.Llm;
using FutureSim.Cli.Configuration;
using FutureSim.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FutureSim.Cli.Running;

/// <summary>
/// The answer matcher of scoring and of the feedback agents get: exact, normalised and alias matching,
/// and, when a <c>Judge</c> section names an <c>Endpoint</c> and <c>Model</c>, an LLM judge behind them
/// whose verdicts are cached in <c>Judge:CacheFile</c> (default <c>runs/judge-cache.jsonl</c>, shared by
/// runs, so that rescoring never asks the judge twice about the same pair).
/// </summary>
internal sealed class AnswerMatching(IConfiguration configuration, ProjectSettings project, TimeProvider timeProvider, ILoggerFactory loggerFactory, ILogger<AnswerMatching> logger)
    : IDisposable
{
    public const string SectionName = "Judge";

    private const string DefaultCacheFile = "runs/judge-cache.jsonl";

    private readonly Lazy<IAnswerMatcher> matcher = new(() => Create(configuration, project, timeProvider, loggerFactory, logger));

    public IAnswerMatcher Matcher => matcher.Value;

    /// <summary>Where the judge's verdicts are cached (whether or not a judge is configured).</summary>
    public string CacheFile => project.Resolve(configuration.GetSection(SectionName)["CacheFile"] ?? DefaultCacheFile);

    public void Dispose()
    {
        if (matcher.IsValueCreated && matcher.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static IAnswerMatcher Create(IConfiguration configuration, ProjectSettings project, TimeProvider time, ILoggerFactory loggers, ILogger logger)
    {
        var section = configuration.GetSection(SectionName);
        if (string.IsNullOrWhiteSpace(section["Endpoint"]))
        {
            return section.GetChildren().Any(c => c.Key != "CacheFile")
                ? throw new OptionsException($"{SectionName}: set {SectionName}:Endpoint (and Model) to judge answers with a model, or remove the {SectionName} section.")
                : NormalisingAnswerMatcher.Instance;
        }

        var cache = project.Resolve(section["CacheFile"] ?? DefaultCacheFile);
        var settings = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null && kv.Key != "CacheFile")
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!));
        try
        {
            logger.LogInformation("Free-form answers are matched by exact, normalised and alias rules, then the judge model {Model}; verdicts cached in {Cache}", section["Model"], cache);
            return LlmJudgeMatcher.Create(settings, cache, time, loggers);
        }
        catch (ArgumentException e)
        {
            throw new OptionsException($"{SectionName}: {e.Message}");
        }
    }
}
