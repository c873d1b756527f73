using FutureSim.Core.Runs;
using FutureSim.Core.Simulation;

namespace FutureSim.Agents.Baselines;

/// <summary>Builds the baseline agents, which need no network: abstain, uniform, crowd, base-rate and news-frequency.</summary>
public sealed class BaselineAgentFactory : IAgentFactory
{
    public const string Abstain = "abstain";
    public const string Uniform = "uniform";
    public const string Crowd = "crowd";
    public const string BaseRate = "base-rate";
    public const string NewsFrequency = "news-frequency";

    public IReadOnlyCollection<string> Kinds { get; } = [Abstain, Uniform, Crowd, BaseRate, NewsFrequency];

    public IForecastingAgent Create(AgentSpec spec, AgentEnvironment environment) => spec.Kind switch
    {
        Abstain => new AbstainAgent(),
        Uniform => new UniformAgent(),
        Crowd => new CrowdAgent(),
        BaseRate => new BaseRateAgent(),
        NewsFrequency => new NewsFrequencyAgent(
            Setting(spec, "HitsPerQuestion", 8, 1, 10), Setting(spec, "ArticlesRead", 2, 0, 10)),
        _ => throw new ArgumentException($"Agent '{spec.Name}': kind '{spec.Kind}' is not a baseline kind ({string.Join(", ", Kinds)}).", nameof(spec)),
    };

    private static int Setting(AgentSpec spec, string key, int fallback, int min, int max)
    {
        if (!spec.Settings.TryGetValue(key, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"Agent '{spec.Name}': {key} must be a whole number from {min} to {max}; got '{text}'.", nameof(spec));
    }
}
